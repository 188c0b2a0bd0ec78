import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineFixture, type PipelineFixture } from './pipeline-fixture.ts';
import { seedCampaign, seedEvents } from './seed.ts';

describe('idempotence and crash recovery', () => {
  let f: PipelineFixture;
  let campaign: number;
  beforeAll(async () => {
    f = await createPipelineFixture();
    campaign = await seedCampaign(f.pg, { bid: '0.50' });
    await seedEvents(f.pg, 'impressions', campaign, 300);
    await seedEvents(f.pg, 'clicks', campaign, 20);
    await f.runInitialLoad();
  });
  afterAll(async () => f?.close());

  it('two runs with no change leave every report identical to PostgreSQL', async () => {
    const one = await f.runTrackDeltas();
    const two = await f.runTrackDeltas();
    expect(one.loads.every((l) => l.rows === 0 && l.tombstones === 0)).toBe(true);
    expect(two.reports).toBeNull();
    expect((await f.verify()).differences).toEqual([]);
  });

  it('late rows: rows inserted now but dated days ago are loaded and their days rebuilt', async () => {
    await seedEvents(f.pg, 'impressions', campaign, 40, '2026-10-02 08:00:00');
    await seedEvents(f.pg, 'clicks', campaign, 4, '2026-10-02 08:00:30');
    const run = await f.runTrackDeltas();
    expect(run.reports!.dailyRows).toBe(1);
    const day = await f.clickhouse
      .query({ query: `SELECT impressions, clicks FROM campaign_daily_report WHERE day = '2026-10-02'`, format: 'JSONEachRow' })
      .then((r) => r.json());
    expect(day).toEqual([{ impressions: '40', clicks: '4' }]);
    expect((await f.verify()).differences).toEqual([]);
  });

  it('a crash between load and watermark advance: the re-run converges, nothing doubled', async () => {
    await seedEvents(f.pg, 'impressions', campaign, 55, '2026-11-22 09:00:00');
    await f.pg.query(`DELETE FROM clicks WHERE id IN (SELECT id FROM clicks ORDER BY id LIMIT 3)`);
    // The activities of a run that died after loading, before rebuilding and advancing.
    const plan = await f.activities.planDelta({});
    for (const t of plan.tables) await f.activities.loadDelta({ ...t, toXid: plan.toXid });
    const watermarks = await f.pg.query(`SELECT table_name, xid FROM adpipe.watermarks ORDER BY 1`);
    expect(watermarks.rows.every((w) => w.xid === plan.tables.find((t) => t.table === w.table_name)!.fromXid)).toBe(true);
    // The retried run reads the same range again (plus anything newer) and rebuilds.
    await f.runTrackDeltas();
    expect((await f.verify()).differences).toEqual([]);
    // Loading an already-advanced range again (a retried activity after the advance) changes nothing.
    for (const t of plan.tables) await f.activities.loadDelta({ ...t, toXid: plan.toXid });
    await f.runTrackDeltas();
    expect((await f.verify()).differences).toEqual([]);
    const dupes = await f.clickhouse
      .query({ query: `SELECT count() - uniqExact(id) AS d FROM impressions FINAL`, format: 'JSONEachRow' })
      .then((r) => r.json<{ d: string }>());
    expect(dupes[0]!.d).toBe('0');
  });

  it('a crash mid initial load: done ranges are skipped on retry and the result is exact', async () => {
    const g = await createPipelineFixture();
    try {
      const c = await seedCampaign(g.pg);
      await seedEvents(g.pg, 'impressions', c, 2500);
      await g.activities.applyOlapSchema();
      const plan = await g.activities.planInitialLoad({ loadId: 'crashy', rangeSize: 1000 });
      const first = plan.ranges.find((r) => r.table === 'impressions')!;
      const firstRange = await g.activities.loadInitialRange({ loadId: 'crashy', upperXid: plan.upperXid, ...first });
      expect(firstRange.rows).toBe(999); // ids 1..999 of [0, 1000)
      // ...the worker dies here. The retried workflow plans the same load again:
      const replanned = await g.activities.planInitialLoad({ loadId: 'crashy', rangeSize: 1000 });
      expect(replanned.upperXid).toBe(plan.upperXid);
      expect(replanned.ranges).toHaveLength(plan.ranges.length - 1);
      const result = await g.runInitialLoad({ loadId: 'crashy', rangeSize: 1000 });
      expect(result.rowsByTable.impressions).toBe(2500 - firstRange.rows); // the done range was skipped
      expect((await g.verify()).differences).toEqual([]);
    } finally {
      await g.close();
    }
  });
});
