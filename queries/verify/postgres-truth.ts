import type { Pool } from 'pg';

/** Per-campaign per-day counts and spend: the truth reports must match. */
export interface DailyFigures {
  readonly campaignId: number;
  /** YYYY-MM-DD (UTC). */
  readonly day: string;
  readonly impressions: number;
  readonly clicks: number;
  /** Decimal string with two places: never a float. */
  readonly spend: string;
}

/**
 * Aggregate impressions and clicks separately, then join the aggregates (joining the
 * raw tables explodes). A NULL created_at counts on 1970-01-01, as in ClickHouse; rows
 * without a campaign are not in reports, nor are rows ClickHouse cannot store (see
 * adpipe.fact_loadable and unloadableFacts), which the loads record in rejected_rows.
 */
export async function postgresDailyFigures(pg: Pool): Promise<DailyFigures[]> {
  const { rows } = await pg.query<{ campaign_id: number; day: string; impressions: string; clicks: string; spend: string }>(`
    WITH imp AS (
      SELECT campaign_id, coalesce(created_at::date, date '1970-01-01') AS day, count(*) AS n
      FROM impressions WHERE campaign_id IS NOT NULL AND adpipe.fact_loadable(id, campaign_id, created_at) GROUP BY 1, 2
    ), clk AS (
      SELECT campaign_id, coalesce(created_at::date, date '1970-01-01') AS day, count(*) AS n
      FROM clicks WHERE campaign_id IS NOT NULL AND adpipe.fact_loadable(id, campaign_id, created_at) GROUP BY 1, 2
    )
    SELECT coalesce(i.campaign_id, k.campaign_id) AS campaign_id,
           to_char(coalesce(i.day, k.day), 'YYYY-MM-DD') AS day,
           coalesce(i.n, 0) AS impressions,
           coalesce(k.n, 0) AS clicks,
           to_char(coalesce(k.n, 0) * coalesce(c.bid, 0), 'FM999999999999999990.00') AS spend
    FROM imp i
    FULL JOIN clk k ON k.campaign_id = i.campaign_id AND k.day = i.day
    LEFT JOIN campaign c ON c.id = coalesce(i.campaign_id, k.campaign_id)`);
  return rows.map((r) => ({
    campaignId: Number(r.campaign_id),
    day: r.day,
    impressions: Number(r.impressions),
    clicks: Number(r.clicks),
    spend: r.spend,
  }));
}

/** Facts the loads skip because ClickHouse cannot store them (counted via a partial index). */
export async function unloadableFacts(pg: Pool): Promise<{ impressions: number; clicks: number }> {
  const { rows } = await pg.query<{ impressions: string; clicks: string }>(`
    SELECT (SELECT count(*) FROM impressions WHERE NOT adpipe.fact_loadable(id, campaign_id, created_at)) AS impressions,
           (SELECT count(*) FROM clicks WHERE NOT adpipe.fact_loadable(id, campaign_id, created_at)) AS clicks`);
  return { impressions: Number(rows[0]!.impressions), clicks: Number(rows[0]!.clicks) };
}
