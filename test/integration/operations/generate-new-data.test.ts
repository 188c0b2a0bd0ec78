import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateNewDataInput, GenerateNewDataResult } from '../../../workflows/generate/generate-new-data.ts';
import { createPipelineFixture, workflowBundle, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { seedCampaign, seedEvents } from '../pipeline/seed.ts';

describe('generateNewData', () => {
  let f: PipelineFixture;
  beforeAll(async () => {
    f = await createPipelineFixture();
  });
  afterAll(async () => f?.close());

  const start = (input: unknown) =>
    f.client.workflow.start('generateNewData', { taskQueue: f.taskQueue, workflowId: `generate-new-data-test-${randomUUID()}`, args: [input] });
  const run = async (input: GenerateNewDataInput) => (await start(input)).result() as Promise<GenerateNewDataResult>;
  const count = async (sql: string, params: unknown[] = []) => Number((await f.pg.query<{ n: string }>(sql, params)).rows[0]!.n);
  const counts = async () => ({
    advertisers: await count('SELECT count(*) AS n FROM advertiser'),
    campaigns: await count('SELECT count(*) AS n FROM campaign'),
    impressions: await count('SELECT count(*) AS n FROM impressions'),
    clicks: await count('SELECT count(*) AS n FROM clicks'),
  });

  it('falls back to a new advertiser when the database is empty', async () => {
    const result = await run({ generator: 'clicks', maxSleepSeconds: 0 });
    expect(result).toMatchObject({ requested: 'clicks', ran: 'advertiser', table: 'advertiser', rows: 1, sleptMs: 0, scheduledAt: null });
    const { rows } = await f.pg.query<{ id: number }>('SELECT id FROM advertiser');
    expect(rows.map((r) => r.id)).toEqual(result.ids);
  });

  it('creates a campaign for an existing advertiser, its flight starting on the run day', async () => {
    const before = await counts();
    const result = await run({ generator: 'campaign', maxSleepSeconds: 1 });
    expect(result).toMatchObject({ ran: 'campaign', table: 'campaign', rows: 1 });
    expect(await counts()).toEqual({ ...before, campaigns: before.campaigns + 1 });
    const { rows } = await f.pg.query<{ advertiser_id: number; start_date: string }>(
      'SELECT advertiser_id, start_date FROM campaign WHERE id = $1', [result.ids[0]],
    );
    expect(rows[0]).toEqual({ advertiser_id: result.advertiserId, start_date: result.now.slice(0, 10) });
  });

  it('adds impressions to an active campaign, dated in the 7 days before the run instant', async () => {
    const before = await counts();
    const result = await run({ generator: 'impressions', maxSleepSeconds: 1 });
    expect(result.ran).toBe('impressions');
    expect(result.rows).toBeGreaterThanOrEqual(20);
    expect(await counts()).toEqual({ ...before, impressions: before.impressions + result.rows });
    const { rows } = await f.pg.query<{ n: string; oldest: string; newest: string }>(
      `SELECT count(*) AS n, min(created_at)::text AS oldest, max(created_at)::text AS newest FROM impressions WHERE campaign_id = $1`,
      [result.campaignId],
    );
    const now = Date.parse(result.now);
    expect(Number(rows[0]!.n)).toBe(result.rows);
    expect(Date.parse(`${rows[0]!.newest}Z`)).toBeLessThanOrEqual(now);
    expect(Date.parse(`${rows[0]!.oldest}Z`)).toBeGreaterThan(now - 7 * 86_400_000);
  });

  it('adds clicks to a campaign that has impressions', async () => {
    const campaign = await seedCampaign(f.pg, { start: '2020-01-01', end: '2020-01-31' }); // ended: clicks need no active flight
    await seedEvents(f.pg, 'impressions', campaign, 3000);
    await f.pg.query('DELETE FROM impressions WHERE campaign_id <> $1', [campaign]); // the only candidate
    const before = await counts();
    const result = await run({ generator: 'clicks', maxSleepSeconds: 0, seed: 5 });
    expect(result).toMatchObject({ ran: 'clicks', table: 'clicks', campaignId: campaign });
    expect(result.rows).toBeGreaterThanOrEqual(3); // 3000 × at least 0.1%
    expect(await counts()).toEqual({ ...before, clicks: before.clicks + result.rows });
    expect(await count('SELECT count(*) AS n FROM clicks WHERE campaign_id = $1', [campaign])).toBe(result.rows);
  });

  it('sleeps on a durable timer and replays deterministically', async () => {
    const handle = await start({ maxSleepSeconds: 2, seed: 99 }); // a seed whose draw sleeps (non-zero)
    const result = (await handle.result()) as GenerateNewDataResult;
    const history = await handle.fetchHistory();
    const timers = history.events!.filter((e) => e.timerStartedEventAttributes);
    expect(result.sleptMs).toBeGreaterThan(0);
    expect(timers).toHaveLength(1);
    const timeout = timers[0]!.timerStartedEventAttributes!.startToFireTimeout!;
    expect(Number(timeout.seconds) * 1000 + Math.round((timeout.nanos ?? 0) / 1e6)).toBe(result.sleptMs);
    const started = history.events![0]!.eventTime!;
    expect(Date.parse(result.now)).toBe(Number(started.seconds) * 1000 + Math.floor((started.nanos ?? 0) / 1e6) + result.sleptMs);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, handle.workflowId);
  });

  it('makes the same sleep and choices for the same seed', async () => {
    const a = await run({ maxSleepSeconds: 1, seed: 424242 });
    const b = await run({ maxSleepSeconds: 1, seed: 424242 });
    expect(b.sleptMs).toBe(a.sleptMs);
    expect(b.requested).toBe(a.requested);
    expect(b.rowSeed).toBe(a.rowSeed);
    const c = await run({ maxSleepSeconds: 1, seed: 7 });
    expect([c.sleptMs, c.rowSeed]).not.toEqual([a.sleptMs, a.rowSeed]);
  });

  it.each([
    [{ maxSleepSeconds: -1 }, 'maxSleepSeconds'],
    [{ maxSleepSeconds: 1.5 }, 'maxSleepSeconds'],
    [{ maxSleepSeconds: 7200 }, 'maxSleepSeconds'],
    [{ seed: -3 }, 'seed'],
    [{ generator: 'banner' }, 'generator'],
    ['now please', 'input'],
  ])('rejects %j without retrying or writing anything', async (input, field) => {
    const before = await counts();
    const error = await (await start(input)).result().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = (error as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: 'BadInput', nonRetryable: true });
    expect((cause as ApplicationFailure).message).toMatch(new RegExp(`^${field}: `));
    expect(await counts()).toEqual(before);
  });
});
