import { sql, type Kysely } from 'kysely';
import type { Database, NewAdvertiser } from '../../lib/postgres/schema.ts';

/** Rows per INSERT: far below PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_INSERT = 2_000;

/** Insert advertiser rows (updated_at = NOW(), as the task does); ids in the same order. */
export async function insertAdvertiserRows(db: Kysely<Database>, rows: readonly NewAdvertiser[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const inserted = await db
      .insertInto('advertiser')
      .values(rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({ ...r, updated_at: sql<string>`now()` })))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Whether an advertiser exists; KEY SHARE keeps it from being deleted until commit. */
export async function lockAdvertiser(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db.selectFrom('advertiser').select('id').where('id', '=', id).forKeyShare().executeTakeFirst();
  return row !== undefined;
}
