import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineFixture, type PipelineFixture } from './pipeline-fixture.ts';
import { seedCampaign, seedEvents } from './seed.ts';

/**
 * Sequences and now() are taken before commit: a transaction that commits after a
 * later-numbered row was extracted is exactly what `id > max(id)` and `created_at >
 * last_ts` watermarks lose. Here it must arrive, exactly once.
 */
describe('out-of-order commits', () => {
  let f: PipelineFixture;
  let campaign: number;
  beforeAll(async () => {
    f = await createPipelineFixture();
    campaign = await seedCampaign(f.pg, { bid: '1.00' });
    await seedEvents(f.pg, 'impressions', campaign, 100);
    await f.runInitialLoad();
  });
  afterAll(async () => f?.close());

  it('an insert held open across a run is loaded once it commits, exactly once', async () => {
    const a = new pg.Client({ connectionString: f.databaseUrl });
    await a.connect();
    try {
      await a.query('BEGIN');
      const held = await a.query<{ id: number }>(
        `INSERT INTO impressions (campaign_id, created_at) VALUES ($1, '2026-11-21 10:00:00') RETURNING id`, [campaign]);
      // B takes a later id and commits first.
      const b = await f.pg.query<{ id: number }>(
        `INSERT INTO impressions (campaign_id, created_at) VALUES ($1, '2026-11-21 11:00:00') RETURNING id`, [campaign]);
      expect(b.rows[0]!.id).toBeGreaterThan(held.rows[0]!.id);

      const first = await f.runTrackDeltas();
      expect(first.loads.find((l) => l.table === 'impressions')!.rows).toBe(0); // B waits behind A's xid
      await a.query('COMMIT');
      await f.runTrackDeltas();
      await f.runTrackDeltas(); // a further run must not count anything twice

      const rows = await f.clickhouse
        .query({
          query: `SELECT id, count() AS n FROM impressions FINAL WHERE id IN ({ids:Array(UInt32)}) GROUP BY id ORDER BY id`,
          query_params: { ids: [held.rows[0]!.id, b.rows[0]!.id] },
          format: 'JSONEachRow',
        })
        .then((r) => r.json<{ id: number; n: string }>());
      expect(rows).toEqual([{ id: held.rows[0]!.id, n: '1' }, { id: b.rows[0]!.id, n: '1' }]);
      expect((await f.verify()).differences).toEqual([]);
    } finally {
      await a.end();
    }
  });

  it('an update held open across a run propagates once it commits', async () => {
    await seedEvents(f.pg, 'clicks', campaign, 7, '2026-11-21 12:00:00');
    await f.runTrackDeltas();
    expect(await spendOf(f, campaign)).toBe('7.00'); // 7 clicks × 1.00
    const a = new pg.Client({ connectionString: f.databaseUrl });
    await a.connect();
    try {
      await a.query('BEGIN');
      await a.query(`UPDATE campaign SET bid = 3.00 WHERE id = $1`, [campaign]);
      // Another writer commits after A took its xid: it must wait for A, and not be lost.
      await seedEvents(f.pg, 'clicks', campaign, 1, '2026-11-21 13:00:00');
      const during = await f.runTrackDeltas();
      expect(during.loads.find((l) => l.table === 'clicks')!.rows).toBe(0);
      expect(await spendOf(f, campaign)).toBe('7.00'); // the update is not committed yet
      await a.query('COMMIT');
      await f.runTrackDeltas();
      expect(await spendOf(f, campaign)).toBe('24.00'); // 8 clicks × 3.00
      expect((await f.verify()).differences).toEqual([]);
    } finally {
      await a.end();
    }
  });
});

async function spendOf(f: PipelineFixture, campaign: number): Promise<string> {
  const rows = await f.clickhouse
    .query({
      query: `SELECT toDecimalString(spend, 2) AS spend FROM campaign_totals_report WHERE campaign_id = {c:UInt32}`,
      query_params: { c: campaign },
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_decimal_trailing_zeros: 1 },
    })
    .then((r) => r.json<{ spend: string }>());
  return rows[0]!.spend;
}
