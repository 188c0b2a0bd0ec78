import type { ClickHouseClient } from '@clickhouse/client';
import { buildSeries, type DailyRow, type DailySeries } from '../../forecast/series.ts';
import { segmentFromGroup, segmentText } from '../../forecast/segments.ts';
import { sqlFile } from '../../lib/sql-files.ts';

type Counts = { day: string; impressions: string; reach: string };

/** Daily history of every campaign and every segment over [from, to], as dense series. */
export async function readForecastHistory(clickhouse: ClickHouseClient, range: { from: string; to: string }): Promise<DailySeries[]> {
  const query = (file: string) =>
    clickhouse.query({ query: sqlFile(file), query_params: range, format: 'JSONEachRow' });
  const campaigns = await (await query('forecast/campaign-history.sql')).json<Counts & { campaign_id: number }>();
  const segments = await (await query('forecast/segment-history.sql')).json<Counts & { c: string; d: string; a: string }>();
  const rows: DailyRow[] = [
    ...campaigns.map((r) => ({ kind: 'campaign' as const, campaignId: Number(r.campaign_id), segment: '', day: r.day, impressions: Number(r.impressions), reach: Number(r.reach) })),
    ...segments.map((r) => ({
      kind: 'segment' as const, campaignId: 0, segment: segmentText(segmentFromGroup(r.c, r.d, r.a)),
      day: r.day, impressions: Number(r.impressions), reach: Number(r.reach),
    })),
  ];
  return buildSeries(rows, range.to);
}

/** Ids of campaigns still running after `asOf`. */
export async function readActiveCampaigns(clickhouse: ClickHouseClient, asOf: string): Promise<Set<number>> {
  const rows = await clickhouse
    .query({ query: sqlFile('forecast/active-campaigns.sql'), query_params: { as_of: asOf }, format: 'JSONEachRow' })
    .then((r) => r.json<{ id: number }>());
  return new Set(rows.map((r) => Number(r.id)));
}
