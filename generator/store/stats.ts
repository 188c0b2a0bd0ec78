import type { Kysely } from 'kysely';
import type { Database } from '../../lib/postgres/schema.ts';

/** Raw per-campaign counts as PostgreSQL returns them (int8 as strings). */
export interface CampaignCountsRow {
  id: number;
  name: string;
  advertiser: string | null;
  impressions: string;
  clicks: string;
}

/** Raw table counts; facts without a campaign are counted separately. */
export interface TableCountsRow {
  advertisers: string;
  campaigns: string;
  impressions_without_campaign: string;
  clicks_without_campaign: string;
}

/**
 * Impressions and clicks per campaign. Each fact table is aggregated on its own and the
 * small aggregates are joined: joining impressions to clicks first (as the task's
 * `stats` does) builds impressions × clicks rows per campaign.
 */
export async function readCampaignCounts(db: Kysely<Database>): Promise<CampaignCountsRow[]> {
  return db
    .with('i', (q) =>
      q.selectFrom('impressions').select((eb) => ['campaign_id', eb.fn.countAll<string>().as('n')]).groupBy('campaign_id'),
    )
    .with('k', (q) =>
      q.selectFrom('clicks').select((eb) => ['campaign_id', eb.fn.countAll<string>().as('n')]).groupBy('campaign_id'),
    )
    .selectFrom('campaign as c')
    .leftJoin('advertiser as a', 'a.id', 'c.advertiser_id')
    .leftJoin('i', 'i.campaign_id', 'c.id')
    .leftJoin('k', 'k.campaign_id', 'c.id')
    .select((eb) => [
      'c.id',
      'c.name',
      'a.name as advertiser',
      eb.fn.coalesce('i.n', eb.lit(0)).$castTo<string>().as('impressions'),
      eb.fn.coalesce('k.n', eb.lit(0)).$castTo<string>().as('clicks'),
    ])
    .orderBy('c.id')
    .execute();
}

/** Counts the per-campaign query cannot give: dimension tables and facts with no campaign. */
export async function readTableCounts(db: Kysely<Database>): Promise<TableCountsRow> {
  return db
    .selectNoFrom((eb) => [
      eb.selectFrom('advertiser').select(eb.fn.countAll<string>().as('n')).as('advertisers'),
      eb.selectFrom('campaign').select(eb.fn.countAll<string>().as('n')).as('campaigns'),
      eb.selectFrom('impressions').select(eb.fn.countAll<string>().as('n')).where('campaign_id', 'is', null).as('impressions_without_campaign'),
      eb.selectFrom('clicks').select(eb.fn.countAll<string>().as('n')).where('campaign_id', 'is', null).as('clicks_without_campaign'),
    ])
    .executeTakeFirstOrThrow() as Promise<TableCountsRow>;
}
