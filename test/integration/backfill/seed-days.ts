import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

/** Insert `impressions` and `clicks` rows for a campaign on each UTC day, spread over the day. */
export async function seedDays(db: Db, campaignId: number, days: readonly string[], impressions: number, clicks: number): Promise<void> {
  for (const [table, n] of [['impressions', impressions], ['clicks', clicks]] as const) {
    await db.query(
      `INSERT INTO ${table} (campaign_id, created_at)
       SELECT $1, d::timestamp + (g * 86399 / $3) * interval '1 second' + interval '0.123456 second'
       FROM unnest($2::date[]) AS d, generate_series(1, $3) AS g`,
      [campaignId, days, n],
    );
  }
}

/** Ids PostgreSQL holds for days [from, to] (optionally one campaign), sorted. */
export async function pgIds(db: Db, table: 'impressions' | 'clicks', from: string, to: string, campaignId?: number): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM ${table} WHERE created_at >= $1::date AND created_at < $2::date + 1 AND ($3::int IS NULL OR campaign_id = $3)
     ORDER BY id`,
    [from, to, campaignId ?? null],
  );
  return rows.map((r) => r.id);
}

/** Ids ClickHouse readers see (the *_current views) for days [from, to], sorted. */
export async function clickhouseIds(ch: ClickHouseClient, table: 'impressions' | 'clicks', from: string, to: string, campaignId?: number): Promise<number[]> {
  const rows = await ch
    .query({
      query: `SELECT id FROM {view:Identifier} WHERE toDate32(created_at) BETWEEN {from:Date32} AND {to:Date32}
              AND ({c:UInt32} = 0 OR campaign_id = {c:UInt32}) ORDER BY id`,
      query_params: { view: `${table}_current`, from, to, c: campaignId ?? 0 },
      format: 'JSONEachRow',
    })
    .then((r) => r.json<{ id: number }>());
  return rows.map((r) => Number(r.id));
}

/**
 * The highest version per campaign in a ClickHouse table: any write of a backfill (rows
 * at V, tombstones at V − 1, reports at ClickHouse's clock) would raise it. Row counts
 * are no such signal: background merges shrink them.
 */
export async function footprint(ch: ClickHouseClient, table: string, campaignColumn = 'campaign_id'): Promise<Record<string, string>> {
  const rows = await ch
    .query({
      query: `SELECT {k:Identifier} AS campaign_id, toString(max(version)) AS v FROM {t:Identifier} GROUP BY campaign_id ORDER BY campaign_id`,
      query_params: { t: table, k: campaignColumn },
      format: 'JSONEachRow',
    })
    .then((r) => r.json<{ campaign_id: number; v: string }>());
  return Object.fromEntries(rows.map((r) => [String(r.campaign_id), r.v]));
}
