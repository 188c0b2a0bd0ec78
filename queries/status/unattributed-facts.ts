import type { ClickHouseClient } from '@clickhouse/client';

/**
 * Impressions and clicks loaded without a campaign (NULL campaign_id, stored as 0): they
 * are in ClickHouse but in no report. Cheap: campaign_id leads both tables' sort keys.
 */
export async function unattributedFacts(clickhouse: ClickHouseClient): Promise<{ impressions: number; clicks: number }> {
  const rows = await clickhouse
    .query({
      query: `SELECT (SELECT count() FROM impressions_current WHERE campaign_id = 0) AS impressions,
                     (SELECT count() FROM clicks_current WHERE campaign_id = 0) AS clicks`,
      format: 'JSONEachRow',
    })
    .then((r) => r.json<{ impressions: string; clicks: string }>());
  return { impressions: Number(rows[0]?.impressions ?? 0), clicks: Number(rows[0]?.clicks ?? 0) };
}
