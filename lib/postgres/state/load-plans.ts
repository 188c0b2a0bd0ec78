import type { Kysely } from 'kysely';
import type { PipelineTable } from '../../../core/tables.ts';
import type { Database } from '../schema.ts';

/** A table's part of an initial load: ids below maxId+1, xids below upperXid. */
export interface LoadPlan {
  readonly loadId: string;
  readonly table: PipelineTable;
  readonly upperXid: bigint;
  readonly maxId: bigint;
  readonly rangeSize: bigint;
}

/**
 * Record a plan unless one exists for (loadId, table); return the stored one, so a
 * retried or restarted load reads the same cut and the same ranges.
 */
export async function ensureLoadPlan(db: Kysely<Database>, plan: LoadPlan): Promise<LoadPlan> {
  await db
    .insertInto('adpipe.load_plans')
    .values({
      load_id: plan.loadId, table_name: plan.table,
      upper_xid: plan.upperXid.toString(), max_id: plan.maxId.toString(), range_size: plan.rangeSize.toString(),
    })
    .onConflict((oc) => oc.columns(['load_id', 'table_name']).doNothing())
    .execute();
  const stored = await db
    .selectFrom('adpipe.load_plans')
    .select(['upper_xid', 'max_id', 'range_size'])
    .where('load_id', '=', plan.loadId)
    .where('table_name', '=', plan.table)
    .executeTakeFirstOrThrow();
  return { ...plan, upperXid: BigInt(stored.upper_xid), maxId: BigInt(stored.max_id), rangeSize: BigInt(stored.range_size) };
}
