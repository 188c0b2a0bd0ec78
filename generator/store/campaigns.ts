import { sql, type Kysely } from 'kysely';
import type { Database, NewCampaign } from '../../lib/postgres/schema.ts';

/** Rows per INSERT: 7 parameters a row stays far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 2_000;

/** An inserted campaign's id and owner. */
export interface CampaignRef {
  readonly id: number;
  readonly advertiserId: number | null;
}

/** Insert campaign rows (updated_at = NOW(), as the task does); id and owner of each, in order. */
export async function insertCampaignRows(db: Kysely<Database>, rows: readonly NewCampaign[]): Promise<CampaignRef[]> {
  const refs: CampaignRef[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const inserted = await db
      .insertInto('campaign')
      .values(rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({ ...r, updated_at: sql<string>`now()` })))
      .returning(['id', 'advertiser_id'])
      .execute();
    refs.push(...inserted.map((r) => ({ id: r.id, advertiserId: r.advertiser_id })));
  }
  return refs;
}

/** Whether a campaign exists; KEY SHARE keeps it from being deleted until commit. */
export async function lockCampaign(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db.selectFrom('campaign').select('id').where('id', '=', id).forKeyShare().executeTakeFirst();
  return row !== undefined;
}
