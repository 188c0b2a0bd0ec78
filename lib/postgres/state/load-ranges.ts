import type { Kysely } from 'kysely';
import type { PipelineTable } from '../../../core/tables.ts';
import type { Database } from '../schema.ts';

/** Range starts of a load that are already durable in ClickHouse (a retry skips them). */
export async function doneRangeStarts(db: Kysely<Database>, loadId: string, table: PipelineTable): Promise<Set<bigint>> {
  const rows = await db
    .selectFrom('adpipe.load_ranges')
    .select('range_start')
    .where('load_id', '=', loadId)
    .where('table_name', '=', table)
    .execute();
  return new Set(rows.map((r) => BigInt(r.range_start)));
}

/** Mark a range durable (after its insert returned); marking it twice is harmless. */
export async function markRangeDone(
  db: Kysely<Database>,
  loadId: string,
  table: PipelineTable,
  range: { start: bigint; end: bigint },
  rows: number,
): Promise<void> {
  await db
    .insertInto('adpipe.load_ranges')
    .values({ load_id: loadId, table_name: table, range_start: range.start.toString(), range_end: range.end.toString(), rows })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
