import type { Kysely, SelectQueryBuilder } from 'kysely';
import { sourceTables, type PipelineTable } from '../../../core/tables.ts';
import type { Database } from '../schema.ts';

/** What a table's next delta would read: changed rows and logged deletes at or after its watermark. */
export interface Backlog {
  readonly rows: number;
  readonly deletes: number;
}

/** Source tables live in `public`, whatever the role's search_path says. */
const publicSchema = (db: Kysely<Database>) => db.withSchema('public');

/**
 * Count the rows `query` selects, stopping at `cap` when given: the counts below are
 * index range scans on adpipe_xid, and the cap bounds a huge backlog to `cap` entries.
 */
async function countUpTo<TB extends keyof Database>(
  db: Kysely<Database>,
  query: SelectQueryBuilder<Database, TB, { one: 1 }>,
  cap: number | undefined,
): Promise<number> {
  const limited = cap === undefined ? query : query.limit(cap);
  const { n } = await db.selectFrom(limited.as('t')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** Rows of a table written by transactions at or after `sinceXid` (not yet in ClickHouse when it is the watermark). */
export async function countChangesSince(db: Kysely<Database>, table: PipelineTable, sinceXid: bigint, cap?: number): Promise<number> {
  const q = publicSchema(db);
  const rows = q.selectFrom(sourceTables[table].source).select((eb) => eb.lit(1).as('one')).where('adpipe_xid', '>=', sinceXid.toString());
  return countUpTo(q, rows, cap);
}

/** Deletes (and key moves) of a table logged by transactions at or after `sinceXid`. */
export async function countDeletesSince(db: Kysely<Database>, table: PipelineTable, sinceXid: bigint, cap?: number): Promise<number> {
  const deletes = db
    .selectFrom('adpipe.deleted_rows')
    .select((eb) => eb.lit(1).as('one'))
    .where('table_name', '=', sourceTables[table].source)
    .where('adpipe_xid', '>=', sinceXid.toString());
  return countUpTo(db, deletes, cap);
}

/** Both counts of a table's backlog (uncapped for `status`, capped for the metrics scrape). */
export async function readBacklog(db: Kysely<Database>, table: PipelineTable, sinceXid: bigint, cap?: number): Promise<Backlog> {
  const [rows, deletes] = await Promise.all([countChangesSince(db, table, sinceXid, cap), countDeletesSince(db, table, sinceXid, cap)]);
  return { rows, deletes };
}
