import type { ClickHouseClient } from '@clickhouse/client';
import type pg from 'pg';

/** Rows per table on one side. */
export type RowCounts = Record<'advertisers' | 'campaigns' | 'impressions' | 'clicks', number>;

/**
 * Loadable rows in PostgreSQL and current rows in ClickHouse, per table: equal counts
 * (with `adpipe verify` equal per campaign and day) mean nothing lost and nothing twice.
 */
export async function rowCounts(pool: pg.Pool, clickhouse: ClickHouseClient): Promise<{ postgres: RowCounts; clickhouse: RowCounts }> {
  const { rows } = await pool.query<Record<keyof RowCounts, string>>(`SELECT
    (SELECT count(*) FROM advertiser WHERE id >= 1) AS advertisers,
    (SELECT count(*) FROM campaign WHERE id >= 1) AS campaigns,
    (SELECT count(*) FROM impressions WHERE adpipe.fact_loadable(id, campaign_id, created_at)) AS impressions,
    (SELECT count(*) FROM clicks WHERE adpipe.fact_loadable(id, campaign_id, created_at)) AS clicks`);
  const ch = await clickhouse
    .query({
      query: `SELECT (SELECT count() FROM advertisers_current) AS advertisers, (SELECT count() FROM campaigns_current) AS campaigns,
                     (SELECT count() FROM impressions_current) AS impressions, (SELECT count() FROM clicks_current) AS clicks`,
      format: 'JSONEachRow',
    })
    .then((r) => r.json<Record<keyof RowCounts, string>>());
  const numbers = (r: Record<keyof RowCounts, string>): RowCounts => ({
    advertisers: Number(r.advertisers), campaigns: Number(r.campaigns), impressions: Number(r.impressions), clicks: Number(r.clicks),
  });
  return { postgres: numbers(rows[0]!), clickhouse: numbers(ch[0]!) };
}
