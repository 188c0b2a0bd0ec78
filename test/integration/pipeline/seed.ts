import type { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

/** Insert an advertiser and a campaign; returns the campaign id. */
export async function seedCampaign(db: Db, opts: { bid?: string; budget?: string; start?: string; end?: string } = {}): Promise<number> {
  const adv = await db.query<{ id: number }>(`INSERT INTO advertiser (name) VALUES ('Acme ' || md5(random()::text)) RETURNING id`);
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO campaign (name, bid, budget, start_date, end_date, advertiser_id)
     VALUES ('Campaign ' || md5(random()::text), $1, $2, $3, $4, $5) RETURNING id`,
    [opts.bid ?? '1.25', opts.budget ?? '100.00', opts.start ?? '2026-11-01', opts.end ?? '2026-11-30', adv.rows[0]!.id],
  );
  return rows[0]!.id;
}

/** Insert `count` rows into impressions or clicks at the given UTC time (ISO) or spread over past days. */
export async function seedEvents(
  db: Db,
  table: 'impressions' | 'clicks',
  campaignId: number,
  count: number,
  at?: string,
): Promise<void> {
  await db.query(
    `INSERT INTO ${table} (campaign_id, created_at)
     SELECT $1, coalesce($3::timestamp, timestamp '2026-11-20 00:00:00' + (g % 5) * interval '1 day' + g * interval '1 second')
     FROM generate_series(1, $2) AS g`,
    [campaignId, count, at ?? null],
  );
}
