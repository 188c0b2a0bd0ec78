import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool } from 'pg';
import { clickhouseCampaignTotals, clickhouseDailyFigures } from './clickhouse-reports.ts';
import { compareDaily, normaliseDecimal, type Difference } from './compare.ts';
import { postgresDailyFigures, unloadableFacts } from './postgres-truth.ts';

export type { Difference } from './compare.ts';

/** Outcome of a reconciliation: empty `differences` means the reports are exact. */
export interface ReconcileResult {
  readonly dailyKeys: number;
  readonly campaigns: number;
  readonly differences: Difference[];
  /** Facts left out of the truth because ClickHouse cannot store them (see rejected_rows). */
  readonly unloadable: { readonly impressions: number; readonly clicks: number };
}

/**
 * Compare the daily report with per-campaign per-day counts and spend computed in
 * PostgreSQL, and the totals report with their sums per campaign.
 */
export async function reconcile(pg: Pool, clickhouse: ClickHouseClient): Promise<ReconcileResult> {
  const [truth, daily, totals, unloadable] = await Promise.all([
    postgresDailyFigures(pg),
    clickhouseDailyFigures(clickhouse),
    clickhouseCampaignTotals(clickhouse),
    unloadableFacts(pg),
  ]);
  const differences = compareDaily(truth, daily);
  const sums = new Map<number, { impressions: number; clicks: number; cents: bigint }>();
  for (const f of truth) {
    const s = sums.get(f.campaignId) ?? { impressions: 0, clicks: 0, cents: 0n };
    s.impressions += f.impressions;
    s.clicks += f.clicks;
    s.cents += BigInt(normaliseDecimal(f.spend).replace('.', ''));
    sums.set(f.campaignId, s);
  }
  for (const [campaignId, s] of sums) {
    const t = totals.get(campaignId) ?? { impressions: 0, clicks: 0, spend: '0' };
    const spend = `${s.cents / 100n}.${String(s.cents % 100n).padStart(2, '0')}`;
    const pairs = [
      ['impressions', String(s.impressions), String(t.impressions)],
      ['clicks', String(s.clicks), String(t.clicks)],
      ['spend', spend, normaliseDecimal(t.spend)],
    ] as const;
    for (const [field, pv, cv] of pairs) {
      if (pv !== cv) differences.push({ scope: 'totals', campaignId, day: null, field, postgres: pv, clickhouse: cv });
    }
  }
  for (const [campaignId, t] of totals) {
    if (!sums.has(campaignId) && (t.impressions > 0 || t.clicks > 0)) {
      differences.push({ scope: 'totals', campaignId, day: null, field: 'row', postgres: 'no activity', clickhouse: `${t.impressions} impressions, ${t.clicks} clicks` });
    }
  }
  return { dailyKeys: truth.length, campaigns: totals.size, differences, unloadable };
}
