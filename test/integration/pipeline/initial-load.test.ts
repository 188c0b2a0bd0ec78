import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineFixture, type PipelineFixture } from './pipeline-fixture.ts';
import { seedCampaign, seedEvents } from './seed.ts';

describe.each(['pull', 'stream'] as const)('initialLoad (%s mode)', (extractMode) => {
  let f: PipelineFixture;
  beforeAll(async () => {
    f = await createPipelineFixture({ extractMode });
    const a = await seedCampaign(f.pg, { bid: '2.50' });
    const b = await seedCampaign(f.pg, { bid: '0.75' });
    await seedCampaign(f.pg); // a campaign with no traffic still appears in totals
    await seedEvents(f.pg, 'impressions', a, 5000);
    await seedEvents(f.pg, 'clicks', a, 400);
    await seedEvents(f.pg, 'impressions', b, 1200);
    await seedEvents(f.pg, 'clicks', b, 30, '2026-11-10 12:00:00'); // a day with clicks and no impressions
  });
  afterAll(async () => f?.close());

  it('loads every table in ranges and builds reports equal to PostgreSQL', async () => {
    const result = await f.runInitialLoad({ rangeSize: 1000, parallelism: 3 });
    expect(result.tables.sort()).toEqual(['advertisers', 'campaigns', 'clicks', 'impressions']);
    expect(result.rowsByTable).toMatchObject({ impressions: 6200, clicks: 430, campaigns: 3, advertisers: 3 });
    expect(result.rangesLoaded).toBeGreaterThan(6); // 6200 impressions in ranges of 1000 ids
    const check = await f.verify();
    expect(check.differences).toEqual([]);
    expect(check.dailyKeys).toBeGreaterThan(5);
    const day = await f.clickhouse
      .query({ query: `SELECT impressions, clicks FROM campaign_daily_report WHERE day = '2026-11-10'`, format: 'JSONEachRow' })
      .then((r) => r.json<{ impressions: string; clicks: string }>());
    expect(day).toEqual([{ impressions: '0', clicks: '30' }]);
    const totals = await f.clickhouse
      .query({ query: `SELECT count() AS n, countIf(impressions = 0) AS idle FROM campaign_totals_report`, format: 'JSONEachRow' })
      .then((r) => r.json<{ n: string; idle: string }>());
    expect(totals).toEqual([{ n: '3', idle: '1' }]);
  });

  it('running it again changes nothing', async () => {
    const before = await snapshotReports(f);
    const again = await f.runInitialLoad({ rangeSize: 1000 });
    expect(again.tables).toEqual([]);
    expect(again.rangesLoaded).toBe(0);
    expect(await snapshotReports(f)).toEqual(before);
  });

  it('exact money: spend is clicks × bid as a decimal', async () => {
    const rows = await f.clickhouse
      .query({ query: `SELECT toString(sum(spend)) AS spend FROM campaign_totals_report`, format: 'JSONEachRow' })
      .then((r) => r.json<{ spend: string }>());
    expect(rows[0]!.spend).toBe('1022.5'); // 400 × 2.50 + 30 × 0.75
  });
});

async function snapshotReports(f: PipelineFixture): Promise<unknown> {
  const q = (query: string) => f.clickhouse.query({ query, format: 'JSONEachRow' }).then((r) => r.json());
  return {
    daily: await q(`SELECT campaign_id, day, impressions, clicks, spend FROM campaign_daily_report ORDER BY campaign_id, day`),
    totals: await q(`SELECT campaign_id, impressions, clicks, spend FROM campaign_totals_report ORDER BY campaign_id`),
    rawDaily: await q(`SELECT count() AS n FROM campaign_daily`),
  };
}

describe('initialLoad on an empty OLTP database', () => {
  let f: PipelineFixture;
  beforeAll(async () => {
    f = await createPipelineFixture();
  });
  afterAll(async () => f?.close());

  it('generates the configured data set once, then loads it exactly', async () => {
    const size = { advertisers: 2, campaigns: 3, impressions: 400, ctr: 0.1, seed: 42 };
    const first = await f.runInitialLoad({ generateIfEmpty: size });
    expect(first.generated).toMatchObject({ generated: true, seed: 42, advertisers: 2, campaigns: 6, impressions: 2400, clicks: 240 });
    expect(first.rowsByTable).toMatchObject({ impressions: 2400, clicks: 240 });
    const again = await f.runInitialLoad({ generateIfEmpty: size });
    expect(again.generated).toEqual({ generated: false });
    const counts = await f.pg.query<{ n: string }>('SELECT count(*) AS n FROM impressions');
    expect(counts.rows[0]!.n).toBe('2400');
    expect((await f.verify()).differences).toEqual([]);
  });
});
