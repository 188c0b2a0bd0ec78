import type { Kysely } from 'kysely';
import type { Database } from '../../lib/postgres/schema.ts';

/** Rows removed from each table by a reset. */
export interface DeletedCounts {
  readonly clicks: number;
  readonly impressions: number;
  readonly campaigns: number;
  readonly advertisers: number;
}

/**
 * DELETE every row of the four tables, children first (foreign keys), like the task's
 * `reset`. DELETE rather than TRUNCATE: other sessions keep reading, the deletes log
 * trigger records every row, and sequences keep counting so ids are never reused (a
 * reused id would collide with its tombstone downstream).
 */
export async function deleteAllRows(db: Kysely<Database>): Promise<DeletedCounts> {
  const del = async (table: 'clicks' | 'impressions' | 'campaign' | 'advertiser') =>
    Number((await db.deleteFrom(table).executeTakeFirst()).numDeletedRows);
  const clicks = await del('clicks');
  const impressions = await del('impressions');
  const campaigns = await del('campaign');
  const advertisers = await del('advertiser');
  return { clicks, impressions, campaigns, advertisers };
}
