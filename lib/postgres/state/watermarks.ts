import { sql, type Kysely } from 'kysely';
import { isPipelineTable, type PipelineTable } from '../../../core/tables.ts';
import type { Database } from '../schema.ts';

/** A table's stored watermark: its next delta reads adpipe_xid >= xid. */
export interface Watermark {
  readonly table: PipelineTable;
  readonly xid: bigint;
  /** When it last moved. */
  readonly updatedAt: Date;
  /** Seconds since then by the database's clock (the worker's may differ). */
  readonly ageSeconds: number;
  /** What the run that moved it recorded (initialLoad or a trackDeltas summary); see queries/status/last-run.ts. */
  readonly lastRun: unknown;
}

interface WatermarkRow {
  table_name: string;
  xid: string;
  updated_at: Date;
  age_seconds: number;
  last_run: unknown;
}

/** A stored row as a Watermark, or undefined for a table the pipeline does not know. */
export function toWatermark(row: WatermarkRow): Watermark | undefined {
  if (!isPipelineTable(row.table_name)) return undefined;
  return { table: row.table_name, xid: BigInt(row.xid), updatedAt: row.updated_at, ageSeconds: row.age_seconds, lastRun: row.last_run };
}

/** Every stored watermark of a pipeline table, by table. */
export async function readWatermarks(db: Kysely<Database>): Promise<Map<PipelineTable, Watermark>> {
  const rows = await db
    .selectFrom('adpipe.watermarks')
    .select(['table_name', 'xid', 'updated_at', 'last_run', sql<number>`extract(epoch FROM now() - updated_at)::float8`.as('age_seconds')])
    .execute();
  const marks = rows.map(toWatermark).filter((m) => m !== undefined);
  return new Map(marks.map((m) => [m.table, m]));
}

/** Set watermarks that do not exist yet (end of an initial load); existing ones stay. Returns how many were set. */
export async function insertWatermarks(db: Kysely<Database>, tables: readonly PipelineTable[], xid: bigint): Promise<number> {
  if (tables.length === 0) return 0;
  const result = await db
    .insertInto('adpipe.watermarks')
    .values(tables.map((t) => ({ table_name: t, xid: xid.toString(), last_run: JSON.stringify({ kind: 'initialLoad' }) })))
    .onConflict((oc) => oc.column('table_name').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/**
 * Move a watermark from `from` to `to` only if it still is at `from` (compare-and-set):
 * a concurrent run that already advanced it is not rolled back. Returns whether this call moved it.
 */
export async function advanceWatermark(
  db: Kysely<Database>,
  table: PipelineTable,
  from: bigint,
  to: bigint,
  lastRun: object,
): Promise<boolean> {
  const result = await db
    .updateTable('adpipe.watermarks')
    .set({ xid: to.toString(), updated_at: sql<Date>`now()`, last_run: JSON.stringify(lastRun) })
    .where('table_name', '=', table)
    .where('xid', '=', from.toString())
    .where('xid', '<', to.toString())
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
