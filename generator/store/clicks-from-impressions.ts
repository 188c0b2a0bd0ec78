import { sql, type Kysely } from 'kysely';
import type { Database } from '../../lib/postgres/schema.ts';
import { CLICK_DELAY_MICROS, clickCount } from '../traffic.ts';

/** Which impressions get a click and how late: two independent hash seeds. */
export interface ClickSampling {
  readonly campaignId: number;
  readonly ratio: number;
  readonly pickSeed: number;
  readonly delaySeed: number;
}

/** How many impressions were eligible and how many clicks were written. */
export interface ClickSample {
  readonly impressions: number;
  readonly clicks: number;
}

/**
 * Clicks for ⌊n × ratio⌋ distinct impressions of a campaign, each 1–120 s after its
 * impression, computed in one INSERT … SELECT (no rows travel to the client).
 * The sample is ordered by hashint8extended(id, seed) instead of random(): the same seed
 * over the same rows gives the same clicks on any PostgreSQL version (the hash is the one
 * hash partitioning relies on staying stable), and no session state is needed.
 */
export async function insertClicksFromImpressions(db: Kysely<Database>, s: ClickSampling): Promise<ClickSample> {
  const { n } = await db
    .selectFrom('impressions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('campaign_id', '=', s.campaignId)
    .where('created_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const impressions = Number(n);
  const wanted = clickCount(impressions, s.ratio);
  if (wanted === 0) return { impressions, clicks: 0 };
  const span = CLICK_DELAY_MICROS.max - CLICK_DELAY_MICROS.min + 1;
  const result = await sql`
    INSERT INTO clicks (campaign_id, created_at)
    SELECT campaign_id, created_at + (${CLICK_DELAY_MICROS.min}::bigint
             + ((hashint8extended(id::bigint, ${String(s.delaySeed)}::bigint) % ${span}) + ${span}) % ${span})
             * interval '1 microsecond' AS clicked_at
    FROM (
      SELECT id, campaign_id, created_at FROM impressions
      WHERE campaign_id = ${s.campaignId} AND created_at IS NOT NULL
      ORDER BY hashint8extended(id::bigint, ${String(s.pickSeed)}::bigint)
      LIMIT ${wanted}
    ) picked
    ORDER BY clicked_at`.execute(db);
  return { impressions, clicks: Number(result.numAffectedRows ?? 0n) };
}
