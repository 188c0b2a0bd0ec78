import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthLines } from '../../../cli/handlers/status/render-health.ts';
import { healthReport } from '../../../queries/status/health-report.ts';
import { createPipelineFixture, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { seedCampaign, seedEvents } from '../pipeline/seed.ts';
import { hostileNames } from './hostile-names.ts';

/** Rows of a ClickHouse query as JSON objects. */
async function rows<T>(f: PipelineFixture, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return f.clickhouse.query({ query, query_params: params, format: 'JSONEachRow' }).then((r) => r.json<T>());
}

const rejected = (f: PipelineFixture) =>
  rows<{ table_name: string; id: string; action: string; reason: string }>(
    f, `SELECT table_name, toString(id) AS id, action, reason FROM rejected_rows_current ORDER BY table_name, id`);

describe.each(['pull', 'stream'] as const)('hostile input from a foreign writer (%s mode)', (extractMode) => {
  // Both modes for what reads rows, rejections and tombstones; the rest is mode-independent.
  const pullOnly = it.runIf(extractMode === 'pull');
  let f: PipelineFixture;
  let plain: number;
  beforeAll(async () => {
    f = await createPipelineFixture({ extractMode });
    plain = await seedCampaign(f.pg, { bid: '0.50' });
    await seedEvents(f.pg, 'impressions', plain, 100);
    await seedEvents(f.pg, 'clicks', plain, 10);
    await f.runInitialLoad();
  });
  afterAll(async () => f?.close());

  it('names with quotes, SQL, emoji, control characters and 255 characters arrive byte for byte', async () => {
    const { rows: ids } = await f.pg.query<{ id: number; name: string }>(
      `INSERT INTO advertiser (name) SELECT unnest($1::text[]) RETURNING id, name`, [hostileNames]);
    await f.pg.query(
      `INSERT INTO campaign (name, bid, budget, advertiser_id) SELECT name, 1.00, 10.00, id FROM advertiser WHERE id = ANY($1)`,
      [ids.map((r) => r.id)]);
    await f.runTrackDeltas();
    const loaded = await rows<{ id: number; name: string }>(f, 'SELECT id, name FROM advertisers_current WHERE id IN {ids:Array(UInt32)} ORDER BY id', { ids: ids.map((r) => r.id) });
    expect(loaded.map((r) => r.name)).toEqual(ids.map((r) => r.name));
    const campaigns = await rows<{ name: string }>(f, 'SELECT name FROM campaigns_current WHERE advertiser_id IN {ids:Array(UInt32)} ORDER BY advertiser_id', { ids: ids.map((r) => r.id) });
    expect(campaigns.map((r) => r.name)).toEqual(hostileNames);
  });

  it('out-of-range timestamps, ±infinity and non-positive ids are skipped and recorded; the rest of the run loads', async () => {
    const c = await seedCampaign(f.pg, { bid: '2.00' });
    await f.pg.query(
      `INSERT INTO impressions (campaign_id, created_at) VALUES
         ($1, '1800-01-01'), ($1, '3000-01-01'), ($1, 'infinity'), ($1, '-infinity'), ($1, '1899-12-31 23:59:59.999999'),
         ($1, '1900-01-01 00:00:00'), ($1, '2299-12-31 23:59:59.999999'), ($1, '2026-11-20 12:00:00')`, [c]);
    await f.pg.query(`INSERT INTO clicks (id, campaign_id, created_at) VALUES (-7, $1, '2026-11-20 12:00:01'), (0, $1, '2026-11-20 12:00:02')`, [c]);
    await f.pg.query(`INSERT INTO clicks (campaign_id, created_at) VALUES ($1, '2026-11-20 12:00:03'), ($1, 'infinity')`, [c]);
    const run = await f.runTrackDeltas();
    expect(run.loads.find((l) => l.table === 'impressions')!.rows).toBe(3);
    expect(run.loads.find((l) => l.table === 'clicks')!.rows).toBe(1);
    const days = await rows<{ day: string; impressions: string; clicks: string }>(
      f, 'SELECT toString(day) AS day, impressions, clicks FROM campaign_daily_report WHERE campaign_id = {c:UInt32} ORDER BY day', { c });
    expect(days).toEqual([
      { day: '1900-01-01', impressions: '1', clicks: '0' },
      { day: '2026-11-20', impressions: '1', clicks: '1' },
      { day: '2299-12-31', impressions: '1', clicks: '0' },
    ]);
    const recorded = (await rejected(f)).filter((r) => r.table_name !== 'campaigns' && r.table_name !== 'advertisers');
    expect(recorded.filter((r) => r.table_name === 'impressions')).toHaveLength(5);
    expect(recorded.filter((r) => r.table_name === 'clicks').map((r) => r.id)).toEqual(expect.arrayContaining(['-7', '0']));
    expect(recorded.every((r) => r.action === 'skipped')).toBe(true);
    expect(recorded.map((r) => r.reason).join('\n')).toMatch(/created_at infinity is outside 1900-01-01\.\.2299-12-31/);
    expect(recorded.map((r) => r.reason).join('\n')).toMatch(/id -7 is not a positive id/);
    const result = await f.verify();
    expect(result.differences).toEqual([]);
    expect(result.unloadable).toEqual({ impressions: 5, clicks: 3 });
  });

  it('a campaign with unstorable dates is loaded with them NULL, its money intact, and says so', async () => {
    const c = await seedCampaign(f.pg, { bid: '3.00', start: '1800-01-01', end: 'infinity' });
    await seedEvents(f.pg, 'clicks', c, 4, '2026-11-21 08:00:00');
    await f.runTrackDeltas();
    const [report] = await rows<Record<string, unknown>>(
      f, 'SELECT start_date, end_date, clicks, toString(spend) AS spend, flight_status FROM campaign_totals_report WHERE campaign_id = {c:UInt32}', { c });
    expect(report).toEqual({ start_date: null, end_date: null, clicks: '4', spend: '12', flight_status: 'unscheduled' });
    const entry = (await rejected(f)).find((r) => r.table_name === 'campaigns' && r.id === String(c));
    expect(entry).toMatchObject({ action: 'nulled' });
    expect(entry!.reason).toMatch(/start_date 1800-01-01 is outside.*; end_date infinity is outside/);
  });

  it('fixing or deleting a rejected row clears its entry and the fixed row is loaded', async () => {
    const before = (await rejected(f)).filter((r) => r.table_name === 'impressions');
    const [fix, drop] = [before[0]!.id, before[1]!.id];
    await f.pg.query(`UPDATE impressions SET created_at = '2026-11-22 10:00:00' WHERE id = $1`, [fix]);
    await f.pg.query(`DELETE FROM impressions WHERE id = $1`, [drop]);
    const run = await f.runTrackDeltas();
    expect(run.loads.find((l) => l.table === 'impressions')!.rejectionsCleared).toBe(2);
    const after = (await rejected(f)).filter((r) => r.table_name === 'impressions').map((r) => r.id);
    expect(after).toEqual(before.map((r) => r.id).filter((id) => id !== fix && id !== drop));
    expect(await rows(f, 'SELECT id FROM impressions_current WHERE id = {id:UInt32}', { id: Number(fix) })).toHaveLength(1);
    expect((await f.verify()).differences).toEqual([]);
  });

  pullOnly('money at NUMERIC(10,2) limits stays exact in every report, negative amounts included', async () => {
    const max = await seedCampaign(f.pg, { bid: '99999999.99', budget: '99999999.99' });
    const neg = await seedCampaign(f.pg, { bid: '-99999999.99', budget: '-0.01' });
    const cent = await seedCampaign(f.pg, { bid: '0.01', budget: '99999999.99' });
    for (const c of [max, neg, cent]) await seedEvents(f.pg, 'clicks', c, 1000);
    await seedEvents(f.pg, 'impressions', max, 7);
    await f.runTrackDeltas();
    const totals = await rows<Record<string, string>>(
      f, `SELECT campaign_id, toString(spend) AS spend, toString(remaining_budget) AS remaining, toString(ecpm) AS ecpm,
                 toString(ecpc) AS ecpc, bids_affordable, budget_status
          FROM campaign_totals_report WHERE campaign_id IN {ids:Array(UInt32)} ORDER BY campaign_id`, { ids: [max, neg, cent] });
    expect(totals).toEqual([
      { campaign_id: max, spend: '99999999990', remaining: '-99899999990.01', ecpm: '14285714284285.71', ecpc: '99999999.99', bids_affordable: '1', budget_status: 'exhausted' },
      { campaign_id: neg, spend: '-99999999990', remaining: '99999999989.99', ecpm: '0', ecpc: '-99999999.99', bids_affordable: '0', budget_status: 'within' },
      { campaign_id: cent, spend: '10', remaining: '99999989.99', ecpm: '0', ecpc: '0.01', bids_affordable: '9999999999', budget_status: 'within' },
    ]);
    const daily = await rows<{ spend: string }>(f, 'SELECT toString(sum(spend)) AS spend FROM campaign_daily_report WHERE campaign_id = {c:UInt32}', { c: max });
    expect(daily[0]!.spend).toBe('99999999990');
    expect((await f.verify()).differences).toEqual([]);
  });

  pullOnly('NULL campaigns and clicks of a deleted campaign leave reports and show in status', async () => {
    const gone = await seedCampaign(f.pg, { bid: '1.50' });
    await seedEvents(f.pg, 'impressions', gone, 30);
    await seedEvents(f.pg, 'clicks', gone, 6);
    await f.pg.query(`INSERT INTO impressions (campaign_id, created_at) VALUES (NULL, '2026-11-20 01:00:00'), (NULL, NULL)`);
    await f.runTrackDeltas();
    expect(await rows(f, 'SELECT 1 FROM campaign_totals_report WHERE campaign_id = {c:UInt32} AND clicks = 6', { c: gone })).toHaveLength(1);
    // The FK allows deleting a campaign once its facts let go of it: clicks kept, unattributed.
    await f.pg.query(`UPDATE clicks SET campaign_id = NULL WHERE campaign_id = $1`, [gone]);
    await f.pg.query(`DELETE FROM impressions WHERE campaign_id = $1`, [gone]);
    await f.pg.query(`DELETE FROM campaign WHERE id = $1`, [gone]);
    await f.runTrackDeltas();
    expect(await rows(f, 'SELECT 1 FROM campaign_totals_report WHERE campaign_id = {c:UInt32}', { c: gone })).toHaveLength(0);
    expect(await rows(f, 'SELECT 1 FROM campaign_daily_report WHERE campaign_id = {c:UInt32}', { c: gone })).toHaveLength(0);
    expect((await f.verify()).differences).toEqual([]);
    const health = await healthReport(f.pg, f.clickhouse);
    expect(health.unattributed).toEqual({ impressions: 2, clicks: 6 });
    const text = healthLines(health).join('\n');
    expect(text).toMatch(/Without campaign: 2 impressions and 6 clicks/);
    expect(text).toMatch(/Rejected: \d+ impressions row\(s\) not loaded, e\.g\. id \d+: created_at/);
    expect(text).toMatch(/Rejected: 1 campaigns row\(s\) loaded with fields set to NULL/);
  });

  pullOnly('a row rewritten many times between two runs lands once, where it ended', async () => {
    const [a, b] = [await seedCampaign(f.pg, { bid: '1.00' }), await seedCampaign(f.pg, { bid: '1.00' })];
    const { rows: [click] } = await f.pg.query<{ id: number }>(
      `INSERT INTO clicks (campaign_id, created_at) VALUES ($1, '2026-11-01 00:00:00') RETURNING id`, [a]);
    await f.runTrackDeltas();
    for (let i = 1; i <= 30; i++) {
      // across days, campaigns, out of range and back; the bid changes every time too
      const at = i % 7 === 0 ? 'infinity' : `2026-11-${String((i % 5) + 1).padStart(2, '0')} 0${i % 10}:00:00`;
      await f.pg.query(`UPDATE clicks SET campaign_id = $2, created_at = $3 WHERE id = $1`, [click!.id, i % 2 ? b : a, at]);
      await f.pg.query(`UPDATE campaign SET bid = $2 WHERE id = $1`, [a, `${i}.25`]);
    }
    await f.runTrackDeltas();
    const where = await rows<{ campaign_id: number; day: string; clicks: string; spend: string }>(
      f, `SELECT campaign_id, toString(day) AS day, clicks, toString(spend) AS spend FROM campaign_daily_report
          WHERE campaign_id IN {ids:Array(UInt32)} AND clicks > 0`, { ids: [a, b] });
    expect(where).toEqual([{ campaign_id: a, day: '2026-11-01', clicks: '1', spend: '30.25' }]);
    expect((await f.verify()).differences).toEqual([]);
  });
});
