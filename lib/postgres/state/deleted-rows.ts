import { sql, type Kysely } from 'kysely';
import { sourceTables, type PipelineTable } from '../../../core/tables.ts';
import type { Database } from '../schema.ts';

/**
 * Whether a transaction in [fromXid, toXid) deleted (or moved) a row of `table`. Most
 * ranges have none: this index probe spares the tombstone load a COPY and an empty insert.
 */
export async function hasDeletesBetween(db: Kysely<Database>, table: PipelineTable, fromXid: bigint, toXid: bigint): Promise<boolean> {
  const { any } = await db
    .selectNoFrom((eb) => eb.exists(
      eb.selectFrom('adpipe.deleted_rows')
        .select(sql.lit(1).as('one'))
        .where('table_name', '=', sourceTables[table].source)
        .where('adpipe_xid', '>=', fromXid.toString())
        .where('adpipe_xid', '<', toXid.toString()),
    ).as('any'))
    .executeTakeFirstOrThrow();
  return any === true;
}
