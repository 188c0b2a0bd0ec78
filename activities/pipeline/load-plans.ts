import type { Pool } from 'pg';
import type { PipelineTable } from '../../core/tables.ts';

/** A table's part of an initial load: ids below maxId+1, xids below upperXid. */
export interface LoadPlan {
  readonly loadId: string;
  readonly table: PipelineTable;
  readonly upperXid: bigint;
  readonly maxId: bigint;
  readonly rangeSize: bigint;
}

/** Record a plan unless one exists for (loadId, table); return the stored one. */
export async function ensureLoadPlan(db: Pool, plan: LoadPlan): Promise<LoadPlan> {
  await db.query(
    `INSERT INTO adpipe.load_plans (load_id, table_name, upper_xid, max_id, range_size)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (load_id, table_name) DO NOTHING`,
    [plan.loadId, plan.table, plan.upperXid.toString(), plan.maxId.toString(), plan.rangeSize.toString()],
  );
  const { rows } = await db.query<{ upper_xid: string; max_id: string; range_size: string }>(
    'SELECT upper_xid, max_id, range_size FROM adpipe.load_plans WHERE load_id = $1 AND table_name = $2',
    [plan.loadId, plan.table],
  );
  const r = rows[0]!;
  return { ...plan, upperXid: BigInt(r.upper_xid), maxId: BigInt(r.max_id), rangeSize: BigInt(r.range_size) };
}

/** Range starts of a load that are already durable in ClickHouse. */
export async function doneRangeStarts(db: Pool, loadId: string, table: PipelineTable): Promise<Set<bigint>> {
  const { rows } = await db.query<{ range_start: string }>(
    'SELECT range_start FROM adpipe.load_ranges WHERE load_id = $1 AND table_name = $2',
    [loadId, table],
  );
  return new Set(rows.map((r) => BigInt(r.range_start)));
}

/** Mark a range durable (after its insert returned). */
export async function markRangeDone(
  db: Pool,
  loadId: string,
  table: PipelineTable,
  range: { start: bigint; end: bigint },
  rows: number,
): Promise<void> {
  await db.query(
    `INSERT INTO adpipe.load_ranges (load_id, table_name, range_start, range_end, rows)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [loadId, table, range.start.toString(), range.end.toString(), rows],
  );
}
