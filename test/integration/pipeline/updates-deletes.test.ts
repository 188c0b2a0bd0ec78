import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineFixture, type PipelineFixture } from './pipeline-fixture.ts';
import { seedCampaign, seedEvents } from './seed.ts';

describe.each(['pull', 'stream'] as const)('updates and deletes propagate (%s mode)', (extractMode) => {
  let f: PipelineFixture;
  let a: number;
  let b: number;
  beforeAll(async () => {
    f = await createPipelineFixture({ extractMode });
    a = await seedCampaign(f.pg, { bid: '1.00', budget: '50.00' });
    b = await seedCampaign(f.pg, { bid: '2.00' });
    await seedEvents(f.pg, 'impressions', a, 500);
    await seedEvents(f.pg, 'clicks', a, 60);
    await seedEvents(f.pg, 'impressions', b, 200);
    await seedEvents(f.pg, 'clicks', b, 10);
    await f.runInitialLoad();
  });
  afterAll(async () => f?.close());

  const totals = (id: number) =>
    f.clickhouse
      .query({
        query: `SELECT impressions, clicks, toString(spend) AS spend, toString(budget) AS budget, budget_status
                FROM campaign_totals_report WHERE campaign_id = {id:UInt32}`,
        query_params: { id },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<Record<string, string>>().then((rows) => rows[0]));

  it('a bid and budget change re-prices every day of the campaign', async () => {
    expect(await totals(a)).toMatchObject({ spend: '60', budget: '50', budget_status: 'exhausted' });
    await f.pg.query(`UPDATE campaign SET bid = 0.10, budget = 500.00 WHERE id = $1`, [a]);
    await f.runTrackDeltas();
    expect(await totals(a)).toMatchObject({ spend: '6', budget: '500', budget_status: 'within' });
    expect((await f.verify()).differences).toEqual([]);
  });

  it('deleted clicks leave the reports', async () => {
    await f.pg.query(`DELETE FROM clicks WHERE campaign_id = $1 AND id IN (SELECT id FROM clicks WHERE campaign_id = $1 LIMIT 25)`, [a]);
    await f.runTrackDeltas();
    expect(await totals(a)).toMatchObject({ clicks: '35' });
    expect((await f.verify()).differences).toEqual([]);
  });

  it('moving an impression to another day and campaign moves it in the reports', async () => {
    await f.pg.query(`UPDATE impressions SET created_at = '2026-09-09 09:09:09', campaign_id = $2 WHERE id = (SELECT min(id) FROM impressions WHERE campaign_id = $1)`, [a, b]);
    await f.runTrackDeltas();
    expect(await totals(b)).toMatchObject({ impressions: '201' });
    expect((await f.verify()).differences).toEqual([]);
  });

  it("the task's reset (DELETE everything) empties every report", async () => {
    await f.pg.query(`DELETE FROM clicks; DELETE FROM impressions; DELETE FROM campaign; DELETE FROM advertiser;`);
    const run = await f.runTrackDeltas();
    expect(run.loads.find((l) => l.table === 'impressions')!.tombstones).toBe(700);
    const counts = await f.clickhouse
      .query({
        query: `SELECT (SELECT count() FROM campaign_daily_report) AS daily, (SELECT count() FROM campaign_totals_report) AS totals,
                       (SELECT count() FROM impressions_current) AS impressions, (SELECT count() FROM campaigns_current) AS campaigns`,
        format: 'JSONEachRow',
      })
      .then((r) => r.json());
    expect(counts).toEqual([{ daily: '0', totals: '0', impressions: '0', campaigns: '0' }]);
    expect((await f.verify()).differences).toEqual([]);
  });

  it('TRUNCATE propagates too', async () => {
    const c = await seedCampaign(f.pg);
    await seedEvents(f.pg, 'impressions', c, 30);
    await f.runTrackDeltas();
    expect(await totals(c)).toMatchObject({ impressions: '30' });
    await f.pg.query(`TRUNCATE impressions`);
    await f.runTrackDeltas();
    expect(await totals(c)).toMatchObject({ impressions: '0' });
    expect((await f.verify()).differences).toEqual([]);
  });
});
