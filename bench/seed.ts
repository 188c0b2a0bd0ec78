import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool } from 'pg';

/** 100 campaigns, `rows` impressions over the past 7 days, clicks for 5% of them. */
export async function seedHistory(pg: Pool, rows: number): Promise<void> {
  await pg.query(`INSERT INTO advertiser (name) SELECT 'Bench advertiser ' || g FROM generate_series(1, 10) g`);
  await pg.query(
    `INSERT INTO campaign (name, bid, budget, start_date, end_date, advertiser_id)
     SELECT 'Bench campaign ' || g, 0.50 + (g % 10) * 0.45, 50 + (g % 10) * 45, current_date, current_date + 7 + g % 23, 1 + g % 10
     FROM generate_series(1, 100) g`,
  );
  await seedDelta(pg, rows);
  await pg.query(
    `INSERT INTO clicks (campaign_id, created_at)
     SELECT campaign_id, created_at + interval '30 seconds' FROM impressions WHERE id % 20 = 0`,
  );
  await pg.query('ANALYZE');
}

/** `rows` more impressions spread over the 100 campaigns and the past 7 days. */
export async function seedDelta(pg: Pool, rows: number): Promise<void> {
  await pg.query(
    `INSERT INTO impressions (campaign_id, created_at)
     SELECT 1 + g % 100, now() at time zone 'UTC' - (g % 604800) * interval '1 second'
     FROM generate_series(1, $1) g`,
    [rows],
  );
}

/** Grow ClickHouse's impressions to `total` rows with old synthetic history (ids far above PostgreSQL's). */
export async function inflateClickHouseHistory(clickhouse: ClickHouseClient, total: number): Promise<void> {
  const rows = await clickhouse.query({ query: 'SELECT count() AS n FROM impressions', format: 'JSONEachRow' }).then((r) => r.json<{ n: string }>());
  const missing = total - Number(rows[0]!.n);
  if (missing <= 0) return;
  await clickhouse.command({
    query: `INSERT INTO impressions (id, campaign_id, created_at, version, is_deleted) SELECT 1000000000 + number, 1 + number % 100,
              toDateTime64('2026-01-01 00:00:00', 6, 'UTC') + toIntervalSecond(number % 25000000), 2, 0
            FROM numbers({n:UInt64})`,
    query_params: { n: missing },
    clickhouse_settings: { wait_end_of_query: 1 },
  });
}
