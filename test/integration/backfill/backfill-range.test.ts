import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackfill } from '../../../cli/handlers/backfill.ts';
import { dateRangeKey, workflowKindKey } from '../../../core/search-attributes.ts';
import { createPipelineFixture, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { seedCampaign } from '../pipeline/seed.ts';
import { captureOutput, fixtureContext } from './fixture-context.ts';
import { clickhouseIds, pgIds, seedDays } from './seed-days.ts';

// Fixed days in the past: a backfill refuses future days, whatever the test machine's date.
const range = ['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04'];
const [from, to] = [range[0]!, range.at(-1)!];

describe('backfill of a date range', () => {
  let f: PipelineFixture;
  let a: number;
  let b: number;
  beforeAll(async () => {
    f = await createPipelineFixture();
    a = await seedCampaign(f.pg, { bid: '1.00' });
    b = await seedCampaign(f.pg, { bid: '2.50' });
    await seedDays(f.pg, a, ['2025-05-31', ...range, '2025-06-05'], 60, 6);
    await seedDays(f.pg, b, range, 40, 4);
    await f.runInitialLoad();
  }, 180_000);
  afterAll(async () => f?.close());

  const ch = (query: string) => f.clickhouse.command({ query, clickhouse_settings: { mutations_sync: '2' } });
  const backfill = async () => {
    const c = captureOutput();
    const result = await runBackfill({ from, to }, c.io, { withContext: fixtureContext(f), pollMs: 200, tty: false });
    return { result, ...c };
  };

  it('repairs lost rows, phantom rows, a dropped tombstone and a stale bid: equal to a fresh load', async () => {
    const outsideRange = () => f.clickhouse
      .query({ query: `SELECT count() AS n, toString(max(version)) AS v FROM impressions WHERE toDate32(created_at) IN ('2025-05-31', '2025-06-05')`, format: 'JSONEachRow' })
      .then((r) => r.json<{ n: string; v: string }>());
    const outside = await outsideRange();
    await ch(`ALTER TABLE impressions DELETE WHERE campaign_id = ${a} AND toDate32(created_at) = '2025-06-01'`); // lost
    await ch(`INSERT INTO clicks (id, campaign_id, created_at, version, is_deleted)
              SELECT 900000 + number, ${b}, toDateTime64('2025-06-02 10:00:00', 6, 'UTC'), 1, 0 FROM numbers(7)`); // phantom
    await f.pg.query(`DELETE FROM clicks WHERE id IN (SELECT id FROM clicks WHERE campaign_id = $1 AND created_at::date = '2025-06-03' LIMIT 3)`, [a]);
    await f.runTrackDeltas();
    await ch(`ALTER TABLE clicks DELETE WHERE is_deleted = 1`); // the deleted clicks are back in ClickHouse
    await ch(`INSERT INTO campaigns SELECT * REPLACE (toDecimal32(9.99, 2) AS bid) FROM campaigns FINAL WHERE id = ${b}`); // stale bid
    await f.activities.rebuildReports({ versionLo: '0', versionHi: (2n ** 64n - 1n).toString() });
    expect((await f.verify()).differences.length).toBeGreaterThan(0); // the corruption shows in the reports

    const { result, err } = await backfill();

    expect((await f.verify()).differences).toEqual([]);
    for (const table of ['impressions', 'clicks'] as const) {
      expect(await clickhouseIds(f.clickhouse, table, '2025-05-01', '2025-07-01')).toEqual(await pgIds(f.pg, table, '2025-05-01', '2025-07-01'));
    }
    expect(result).toMatchObject({ days: 4, campaignId: null, repricedCampaigns: [b] });
    expect(result.rows.impressions).toBe((await pgIds(f.pg, 'impressions', from, to)).length);
    expect(result.rows.clicks).toBe((await pgIds(f.pg, 'clicks', from, to)).length);
    expect(result.rows.tombstones).toBe(7 + 3); // the phantoms and the clicks PostgreSQL no longer has
    expect(await outsideRange()).toEqual(outside); // days outside the range were not rewritten
    expect(err.some((l) => /4\/4 days/.test(l))).toBe(true); // plain progress lines, not a bar
    // What the Temporal UI shows: search attributes on the run and its children, a summary memo.
    const run = await f.client.workflow.getHandle(result.workflowId).describe();
    expect(run.typedSearchAttributes.get(dateRangeKey)).toBe(`${from}..${to}`);
    expect(run.typedSearchAttributes.get(workflowKindKey)).toBe('backfill');
    expect(run.memo).toMatchObject({ range: `${from}..${to}`, summary: expect.stringMatching(/^4 days: \d+ impressions/) });
    const child = await f.client.workflow.getHandle(`${result.workflowId}-day-2025-06-02`).describe();
    expect(child.typedSearchAttributes.get(dateRangeKey)).toBe('2025-06-02..2025-06-02');
  });

  it('is exact when rows change, commit late and trackDeltas runs while it backfills', async () => {
    const held = new pg.Client({ connectionString: f.databaseUrl });
    await held.connect();
    try {
      await held.query('BEGIN');
      await held.query(`INSERT INTO impressions (campaign_id, created_at) VALUES ($1, '2025-06-02 08:00:00')`, [a]);
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing && i < 200; i++) {
          await seedDays(f.pg, i % 2 ? a : b, [range[i % 4]!], 3, 1);
          await f.pg.query(`UPDATE impressions SET created_at = created_at + interval '1 day' WHERE id = (SELECT min(id) + $1 FROM impressions WHERE created_at >= '2025-06-01' AND created_at < '2025-06-04')`, [i]);
          await f.pg.query(`DELETE FROM clicks WHERE id = (SELECT max(id) - $1 FROM clicks WHERE created_at >= '2025-06-01' AND created_at < '2025-06-05')`, [i]);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const [run] = await Promise.all([backfill(), f.runTrackDeltas()]);
      await new Promise((r) => setTimeout(r, 500)); // a few more changes after both finished
      writing = false;
      await writer;
      expect(run.result.days).toBe(4);
      await held.query('COMMIT');
    } finally {
      await held.end();
    }
    await f.runTrackDeltas(); // picks up what changed after each day's read, at higher versions
    expect((await f.verify()).differences).toEqual([]);
    for (const table of ['impressions', 'clicks'] as const) {
      expect(await clickhouseIds(f.clickhouse, table, from, '2025-06-05')).toEqual(await pgIds(f.pg, table, from, '2025-06-05'));
    }
  });

  it('reads a whole day through the created_at index, not a sequential scan', async () => {
    const c = await seedCampaign(f.pg);
    await f.pg.query(
      `INSERT INTO impressions (campaign_id, created_at) SELECT $1, timestamp '2025-01-01' + g * interval '40 seconds' FROM generate_series(1, 200000) g`, [c]);
    await f.pg.query('ANALYZE impressions');
    const plan = await f.pg.query<{ 'QUERY PLAN': string }>( // the statement ClickHouse's postgresql() sends
      `EXPLAIN SELECT id, campaign_id, created_at FROM public.impressions
       WHERE (created_at >= '2025-01-20 00:00:00.000000') AND (created_at < '2025-01-21 00:00:00.000000') AND ((1 = 1))
         AND (id >= 1) AND ((campaign_id IS NULL) OR (campaign_id >= 1))`);
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using impressions_created_at_idx|Bitmap Index Scan on impressions_created_at_idx/);
    const scans = async () => {
      const { rows } = await f.pg.query<{ seq: string; idx: string }>(`SELECT seq_scan AS seq, idx_scan AS idx FROM pg_stat_user_tables WHERE relname = 'impressions'`);
      return { seq: Number(rows[0]!.seq), idx: Number(rows[0]!.idx) };
    };
    const before = await scans();
    expect((await f.activities.reextractDay({ day: '2025-01-20' })).impressions).toBe(2160);
    let after = await scans();
    for (let i = 0; i < 40 && after.idx === before.idx; i++) { // statistics reach the view when backends idle
      await new Promise((r) => setTimeout(r, 500));
      after = await scans();
    }
    expect(after.idx).toBeGreaterThan(before.idx);
    expect(after.seq).toBe(before.seq);
  });
});
