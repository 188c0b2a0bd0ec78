import type { ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildReports } from '../../../activities/reports/rebuild-reports.ts';
import { createPipelineFixture, type PipelineFixture } from './pipeline-fixture.ts';

/** A client whose first write waits for `gate`: stalls one rebuild between its clock read and its writes. */
function stalledClient(inner: ClickHouseClient, gate: Promise<void>): ClickHouseClient {
  let waited = false;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop !== 'command') return Reflect.get(target, prop, receiver);
      return async (...args: Parameters<ClickHouseClient['command']>) => {
        if (!waited) {
          waited = true;
          await gate;
        }
        return target.command(...args);
      };
    },
  });
}

describe('overlapping report rebuilds', () => {
  let f: PipelineFixture;
  beforeAll(async () => {
    f = await createPipelineFixture();
    await f.activities.applyOlapSchema();
    await f.clickhouse.command({ query: `INSERT INTO campaigns (id, name, bid, budget, version, is_deleted) VALUES (1, 'c', 1.00, 100, 1, 0)` });
    // Day 1 rows carry version 10, day 2 rows version 20: two loads, two rebuilds.
    await f.clickhouse.command({ query: `INSERT INTO impressions (id, campaign_id, created_at, version, is_deleted) SELECT number, 1, '2026-11-01 10:00:00', 10, 0 FROM numbers(5)` });
    await f.clickhouse.command({ query: `INSERT INTO impressions (id, campaign_id, created_at, version, is_deleted) SELECT 100 + number, 1, '2026-11-02 10:00:00', 20, 0 FROM numbers(7)` });
    // Campaign 2 likewise (versions 30 and 40), for a backfill rebuild racing a delta one.
    await f.clickhouse.command({ query: `INSERT INTO campaigns (id, name, bid, budget, version, is_deleted) VALUES (2, 'd', 1.00, 100, 1, 0)` });
    await f.clickhouse.command({ query: `INSERT INTO impressions (id, campaign_id, created_at, version, is_deleted) SELECT 200 + number, 2, '2026-11-01 10:00:00', 30, 0 FROM numbers(5)` });
    await f.clickhouse.command({ query: `INSERT INTO impressions (id, campaign_id, created_at, version, is_deleted) SELECT 300 + number, 2, '2026-11-02 10:00:00', 40, 0 FROM numbers(7)` });
  });

  const totalImpressions = (campaignId: number) =>
    f.clickhouse
      .query({ query: `SELECT impressions FROM campaign_totals FINAL WHERE campaign_id = {c:UInt32} AND is_deleted = 0`, query_params: { c: campaignId }, format: 'JSONEachRow' })
      .then((r) => r.json<{ impressions: string }>());
  afterAll(async () => f?.close());

  it('the total read last wins, even when the rebuild that started first writes last', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // A takes its clock, then stalls before writing; B rebuilds day 2 completely meanwhile.
    const a = rebuildReports(stalledClient(f.clickhouse, gate), { versionLo: '10', versionHi: '10' });
    await new Promise((r) => setTimeout(r, 300));
    await rebuildReports(f.clickhouse, { versionLo: '20', versionHi: '20' });
    release();
    await a;
    expect(await totalImpressions(1)).toEqual([{ impressions: '12' }]); // 5 + 7: B's total (7 only) must not win
  });

  it('the same holds between a backfill rebuild (a scope of days) and a delta rebuild: one protocol', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // A backfills day 1 of campaign 2 and stalls after its clock read; B rebuilds the delta of day 2.
    const a = rebuildReports(stalledClient(f.clickhouse, gate), { keys: 'scope', dayFrom: '2026-11-01', dayTo: '2026-11-01', campaigns: [2], daily: true });
    await new Promise((r) => setTimeout(r, 300));
    const b = await rebuildReports(f.clickhouse, { versionLo: '40', versionHi: '40' });
    release();
    const scoped = await a;
    expect([scoped.dailyRows, scoped.campaigns, b.dailyRows, b.campaigns]).toEqual([1, 1, 1, 1]);
    expect(await totalImpressions(2)).toEqual([{ impressions: '12' }]);
  });
});
