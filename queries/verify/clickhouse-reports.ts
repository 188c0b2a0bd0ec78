import type { ClickHouseClient } from '@clickhouse/client';
import type { DailyFigures } from './postgres-truth.ts';

/** The daily report as readers see it (deduplicated, tombstones removed). */
export async function clickhouseDailyFigures(clickhouse: ClickHouseClient): Promise<DailyFigures[]> {
  const rows = await clickhouse
    .query({
      query: `SELECT campaign_id, toString(day) AS day, impressions, clicks, toString(spend) AS spend
              FROM campaign_daily_report`,
      format: 'JSONEachRow',
    })
    .then((r) => r.json<{ campaign_id: number; day: string; impressions: string; clicks: string; spend: string }>());
  return rows.map((r) => ({
    campaignId: Number(r.campaign_id),
    day: r.day,
    impressions: Number(r.impressions),
    clicks: Number(r.clicks),
    spend: r.spend,
  }));
}

/** Per-campaign totals from the totals report. */
export async function clickhouseCampaignTotals(
  clickhouse: ClickHouseClient,
): Promise<Map<number, { impressions: number; clicks: number; spend: string }>> {
  const rows = await clickhouse
    .query({
      query: `SELECT campaign_id, impressions, clicks, toString(spend) AS spend FROM campaign_totals_report`,
      format: 'JSONEachRow',
    })
    .then((r) => r.json<{ campaign_id: number; impressions: string; clicks: string; spend: string }>());
  return new Map(rows.map((r) => [Number(r.campaign_id), { impressions: Number(r.impressions), clicks: Number(r.clicks), spend: r.spend }]));
}
