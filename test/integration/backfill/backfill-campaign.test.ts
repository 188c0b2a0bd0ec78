import { ApplicationFailure, WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackfill } from '../../../cli/handlers/backfill.ts';
import { exitCodeFor } from '../../../cli/run-main.ts';
import { UsageError } from '../../../lib/errors.ts';
import { progressQuery } from '../../../workflows/backfill/backfill-progress.ts';
import { createPipelineFixture, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { seedCampaign } from '../pipeline/seed.ts';
import { captureOutput, fixtureContext } from './fixture-context.ts';
import { clickhouseIds, footprint, pgIds, seedDays } from './seed-days.ts';

const days = ['2025-03-10', '2025-03-11', '2025-03-12'];

// Stream mode here (rows through the worker's COPY); backfill-range.test.ts covers pull.
describe('backfill of one campaign (stream extract mode)', () => {
  let f: PipelineFixture;
  let a: number;
  let b: number;
  beforeAll(async () => {
    f = await createPipelineFixture({ extractMode: 'stream' });
    a = await seedCampaign(f.pg, { bid: '0.75' });
    b = await seedCampaign(f.pg, { bid: '1.10' });
    await seedDays(f.pg, a, days, 50, 5);
    await seedDays(f.pg, b, days, 50, 5);
    await f.runInitialLoad();
  }, 180_000);
  afterAll(async () => f?.close());

  const opts = () => ({ withContext: fixtureContext(f), pollMs: 200, tty: false });
  const workflowExists = (id: string) =>
    f.client.workflow.getHandle(id).describe().then(() => true, (err: unknown) => (err instanceof WorkflowNotFoundError ? false : Promise.reject(err)));

  it('rewrites only that campaign: the other keeps every row and version, facts and reports', async () => {
    await f.clickhouse.command({ query: `ALTER TABLE impressions DELETE WHERE campaign_id IN (${a}, ${b}) AND id % 5 = 0`, clickhouse_settings: { mutations_sync: '2' } });
    await f.activities.rebuildReports({ versionLo: '0', versionHi: (2n ** 64n - 1n).toString() });
    const tables = ['impressions', 'clicks', 'campaigns', 'campaign_daily', 'campaign_totals'];
    const footprintOf = async (c: number) =>
      Object.fromEntries(await Promise.all(tables.map(async (t) => [t, (await footprint(f.clickhouse, t, t === 'campaigns' ? 'id' : 'campaign_id'))[String(c)]])));
    const before = await footprintOf(b);

    const out = captureOutput();
    const result = await runBackfill({ from: days[0], to: days[2], campaign: String(a) }, out.io, opts());

    expect(result).toMatchObject({ workflowId: `backfill-${days[0]}-${days[2]}-campaign-${a}`, campaignId: a, days: 3 });
    expect(result.rows.impressions).toBe(150);
    expect(await clickhouseIds(f.clickhouse, 'impressions', days[0]!, days[2]!, a)).toEqual(await pgIds(f.pg, 'impressions', days[0]!, days[2]!, a));
    expect(await footprintOf(b)).toEqual(before); // b: not one row written
    const diffs = (await f.verify()).differences;
    expect(diffs.length).toBeGreaterThan(0); // b is still broken, which shows the backfill left it alone
    expect(diffs.every((d) => d.campaignId === b)).toBe(true);
    expect(out.out.join('\n')).toMatch(/Backfilled 2025-03-10\.\.2025-03-12 \(3 days, campaign \d+\)/);
  });

  it('--attach follows a running backfill to its result, and re-attaches after it closed', async () => {
    const id = `backfill-${days[0]}-${days[2]}-campaign-${b}`;
    await f.client.workflow.start('backfill', { taskQueue: f.taskQueue, workflowId: id, args: [{ from: days[0], to: days[2], campaignId: b }] });
    const first = await runBackfill({ attach: id, json: true }, captureOutput().io, opts());
    const again = captureOutput();
    const second = await runBackfill({ attach: id, json: true }, again.io, opts());
    expect(second).toEqual(first);
    expect(JSON.parse(again.out.join('\n'))).toEqual(first);
    expect(await f.client.workflow.getHandle(id).query(progressQuery)).toMatchObject({ phase: 'done', daysDone: 3, daysTotal: 3 });
    expect((await f.verify()).differences).toEqual([]); // a earlier, b now: everything repaired
  });

  it('bad input: a UsageError naming the flag (exit 2), and nothing started', async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ from: '2025-02-30', to: '2025-03-01' }, '--from', /YYYY-MM-DD/],
      [{ from: '2025-03-12', to: '2025-03-10' }, '--from', /after the end/],
      [{ from: '2025-03-10', to: '2999-01-01' }, '--to', /in the future/],
      [{ from: '2024-01-01', to: '2025-03-01' }, '--to', /at most 366/],
      [{ from: '2025-03-10', to: '2025-03-11', campaign: '12x' }, '--campaign', /positive integer/],
      [{ from: '2025-03-10', to: '2025-03-11', campaign: '999999' }, '--campaign', /does not exist/],
      [{ to: '2025-03-11' }, '--from', /required/],
      [{ attach: 'backfill-x', from: '2025-03-10' }, '--attach', /cannot be combined/],
      [{ attach: 'no-such-workflow' }, '--attach', /no workflow/],
    ];
    for (const [flags, field, message] of cases) {
      const failure = await runBackfill(flags, captureOutput().io, opts()).then(() => undefined, (err: unknown) => err);
      expect(failure, JSON.stringify(flags)).toBeInstanceOf(UsageError);
      expect(failure).toMatchObject({ field, message: expect.stringMatching(message) });
      expect(exitCodeFor(failure)).toBe(2);
    }
    expect(await workflowExists('backfill-2025-03-10-2025-03-11-campaign-999999')).toBe(false);
    expect(await workflowExists('backfill-2025-02-30-2025-03-01')).toBe(false);
  });

  it('the workflow itself rejects bad input non-retryably: inverted range, unknown campaign', async () => {
    const run = (input: object) =>
      f.client.workflow.execute('backfill', { taskQueue: f.taskQueue, workflowId: `bad-backfill-${Math.random()}`, args: [input] }).then(
        () => undefined, (err: unknown) => err);
    const inverted = await run({ from: '2025-03-12', to: '2025-03-10' });
    expect(inverted).toBeInstanceOf(WorkflowFailedError);
    expect((inverted as WorkflowFailedError).cause).toMatchObject({ type: 'BadInput', nonRetryable: true, message: expect.stringMatching(/^from: .*after/) });
    const unknown = (await run({ from: '2025-03-10', to: '2025-03-10', campaignId: 999999 })) as WorkflowFailedError;
    const cause = unknown.cause?.cause; // WorkflowFailedError → ActivityFailure → ApplicationFailure
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: 'BadInput', nonRetryable: true, message: 'campaignId: campaign 999999 does not exist' });
  });
});
