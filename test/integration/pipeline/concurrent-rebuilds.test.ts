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
  });
  afterAll(async () => f?.close());

  it('the total read last wins, even when the rebuild that started first writes last', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // A takes its clock, then stalls before writing; B rebuilds day 2 completely meanwhile.
    const a = rebuildReports(stalledClient(f.clickhouse, gate), { versionLo: 10n, versionHi: 10n });
    await new Promise((r) => setTimeout(r, 300));
    await rebuildReports(f.clickhouse, { versionLo: 20n, versionHi: 20n });
    release();
    await a;
    const totals = await f.clickhouse
      .query({ query: `SELECT impressions FROM campaign_totals FINAL WHERE campaign_id = 1 AND is_deleted = 0`, format: 'JSONEachRow' })
      .then((r) => r.json<{ impressions: string }>());
    expect(totals).toEqual([{ impressions: '12' }]); // 5 + 7: B's total (7 only) must not win
  });
});
