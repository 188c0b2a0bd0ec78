import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../../cli/handlers/report.ts';
import { runStatus } from '../../../cli/handlers/status.ts';
import { exitCodeFor } from '../../../cli/run-main.ts';
import { UsageError } from '../../../lib/errors.ts';
import type { StatusReport } from '../../../queries/status/read-status.ts';
import { postgresDailyFigures } from '../../../queries/verify/postgres-truth.ts';
import { captureOutput, fixtureContext } from '../backfill/fixture-context.ts';
import { seedDays } from '../backfill/seed-days.ts';
import { createPipelineFixture, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { seedCampaign } from '../pipeline/seed.ts';

describe('status and report read what the databases hold', () => {
  let f: PipelineFixture;
  let a: number;
  let b: number;
  beforeAll(async () => {
    f = await createPipelineFixture();
    a = await seedCampaign(f.pg, { bid: '0.35' });
    b = await seedCampaign(f.pg, { bid: '1.05' });
    await seedDays(f.pg, a, ['2025-04-01', '2025-04-02', '2025-04-03'], 70, 7);
    await seedDays(f.pg, b, ['2025-04-02'], 33, 3);
    await f.runInitialLoad();
  }, 180_000);
  afterAll(async () => f?.close());

  const status = async (): Promise<StatusReport> => {
    const c = captureOutput();
    await runStatus({ json: true }, c.io, fixtureContext(f));
    return JSON.parse(c.out.join('\n')) as StatusReport;
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await f.pg.query<{ n: string }>(sql, params)).rows[0]!.n);

  it('status: rows and deletes behind equal SQL counts; last run and duration; workers; what holds the watermark', async () => {
    await f.runTrackDeltas();
    const settled = await status();
    const impressions = settled.tables.find((t) => t.table === 'impressions')!;
    expect(impressions).toMatchObject({ rowsBehind: 0, deletesBehind: 0, lastRun: { kind: 'trackDeltas', rows: 0 } });
    expect(impressions.lastRun!.durationMs).toBeGreaterThan(0);
    expect(impressions.lastRun!.workflowId).toMatch(/^trackDeltas-/);
    expect(settled.workers).toMatchObject({ taskQueue: f.taskQueue, healthy: true });
    expect(settled.schedules!.map((s) => s.id).sort()).toEqual(['generate-new-data', 'retrain-forecast', 'track-deltas']);

    await seedDays(f.pg, b, ['2025-04-04'], 11, 2);
    await f.pg.query(`DELETE FROM clicks WHERE id IN (SELECT id FROM clicks WHERE campaign_id = $1 LIMIT 4)`, [a]);
    const held = new pg.Client({ connectionString: f.databaseUrl, application_name: 'held-by-test' });
    await held.connect();
    try {
      await held.query('BEGIN');
      const { rows } = await held.query<{ xid: string }>(`INSERT INTO clicks (campaign_id, created_at) VALUES ($1, '2025-04-04 12:00') RETURNING pg_current_xact_id()::text AS xid`, [b]);
      const behind = await status();
      for (const t of behind.tables) {
        const source = { advertisers: 'advertiser', campaigns: 'campaign', impressions: 'impressions', clicks: 'clicks' }[t.table as 'clicks'];
        expect(t.rowsBehind, t.table).toBe(await count(`SELECT count(*) AS n FROM ${source} WHERE adpipe_xid >= $1`, [t.watermark]));
        expect(t.deletesBehind, t.table).toBe(await count(`SELECT count(*) AS n FROM adpipe.deleted_rows WHERE table_name = $1 AND adpipe_xid >= $2`, [source, t.watermark]));
      }
      expect(behind.tables.find((t) => t.table === 'impressions')!.rowsBehind).toBe(11);
      expect(behind.tables.find((t) => t.table === 'clicks')).toMatchObject({ rowsBehind: 2, deletesBehind: 4 }); // the held row is not committed
      expect(behind.health.blocker).toMatchObject({ xid: rows[0]!.xid, application: 'held-by-test' });
      expect(BigInt(behind.snapshotXmin)).toBeLessThanOrEqual(BigInt(rows[0]!.xid));
    } finally {
      await held.query('COMMIT');
      await held.end();
    }
    const text = captureOutput();
    await runStatus({}, text.io, fixtureContext(f));
    expect(text.out.join('\n')).toMatch(/impressions\s*│\s*\d+\s*│\s*11\s*│\s*0\s*│/);
    expect(text.out.join('\n')).toMatch(new RegExp(`Workers on task queue "${f.taskQueue}": [1-9]\\d* workflow poller`));
  });

  it('report totals and daily match PostgreSQL to the cent, as JSON, CSV and a table', async () => {
    await f.runTrackDeltas();
    const truth = (await postgresDailyFigures(f.pg)).sort((x, y) => x.day.localeCompare(y.day) || x.campaignId - y.campaignId);
    const json = async (kind: string, flags: Record<string, string | boolean> = {}) => {
      const c = captureOutput();
      const rows = await runReport(kind, { ...flags, json: true }, c.io, fixtureContext(f));
      expect(JSON.parse(c.out.join('\n'))).toEqual(rows);
      return rows;
    };
    const daily = await json('daily', { from: '2025-04-02', to: '2025-04-03', campaign: String(a) });
    expect(daily.map((r) => [r.day, r.impressions, r.clicks, r.spend])).toEqual(
      truth.filter((t) => t.campaignId === a && t.day >= '2025-04-02' && t.day <= '2025-04-03').map((t) => [t.day, t.impressions, t.clicks, t.spend]));
    const totals = await json('totals');
    for (const id of [a, b]) {
      const mine = truth.filter((t) => t.campaignId === id);
      const cents = mine.reduce((s, t) => s + BigInt(t.spend.replace('.', '')), 0n);
      expect(totals.find((r) => r.campaign_id === id)).toMatchObject({
        impressions: mine.reduce((s, t) => s + t.impressions, 0),
        clicks: mine.reduce((s, t) => s + t.clicks, 0),
        spend: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`,
      });
    }
    const period = await json('totals', { from: '2025-04-02', to: '2025-04-02' });
    expect(period.map((r) => [r.campaign_id, r.days_active, r.impressions, r.spend])).toEqual(
      truth.filter((t) => t.day === '2025-04-02').map((t) => [t.campaignId, 1, t.impressions, t.spend]));

    const csv = captureOutput();
    await runReport('daily', { csv: true, campaign: String(b) }, csv.io, fixtureContext(f));
    // Seeded names hold no commas or quotes, so splitting is enough here (quoting: unit tests).
    const [header, ...lines] = csv.out.join('\n').split('\n').map((l) => l.split(','));
    const records = lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]])));
    expect(records.map((r) => [r.day, r.clicks, r.spend])).toEqual([['2025-04-02', '3', '3.15'], ['2025-04-04', '3', '3.15']]);
    const table = captureOutput();
    await runReport('totals', { campaign: String(a) }, table.io, fixtureContext(f));
    expect(table.out.join('\n')).toMatch(/│\s+210\s+│\s+17\s+│\s+8\.10%\s+│\s+5\.95\s+│/); // 210 impressions, 17 clicks × 0.35
  });

  it('report: bad flags are UsageErrors naming the flag (exit 2)', async () => {
    const cases: [string, Record<string, string | boolean>, string, RegExp][] = [
      ['weekly', {}, 'report', /expected totals or daily/],
      ['daily', { from: '2025-13-01' }, '--from', /YYYY-MM-DD/],
      ['daily', { from: '2025-04-03', to: '2025-04-01' }, '--from', /after --to/],
      ['totals', { json: true, csv: true }, '--json', /exclude each other/],
      ['totals', { campaign: '-3' }, '--campaign', /positive integer/],
      ['totals', { campaign: '424242' }, '--campaign', /no campaign 424242/],
    ];
    for (const [kind, flags, field, message] of cases) {
      const failure = await runReport(kind, flags, captureOutput().io, fixtureContext(f)).then(() => undefined, (err: unknown) => err);
      expect(failure, `${kind} ${JSON.stringify(flags)}`).toBeInstanceOf(UsageError);
      expect(failure).toMatchObject({ field, message: expect.stringMatching(message) });
      expect(exitCodeFor(failure)).toBe(2);
    }
  });
});
