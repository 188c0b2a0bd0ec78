import type { Pool, PoolClient } from 'pg';
import type { PipelineTable } from '../../core/tables.ts';

type Queryable = Pool | PoolClient;

/** A table's stored watermark: its next delta reads adpipe_xid >= xid. */
export interface Watermark {
  readonly table: PipelineTable;
  readonly xid: bigint;
  readonly updatedAt: Date;
}

/** All stored watermarks, by table. */
export async function readWatermarks(db: Queryable): Promise<Map<string, Watermark>> {
  const { rows } = await db.query<{ table_name: PipelineTable; xid: string; updated_at: Date }>(
    'SELECT table_name, xid, updated_at FROM adpipe.watermarks',
  );
  return new Map(rows.map((r) => [r.table_name, { table: r.table_name, xid: BigInt(r.xid), updatedAt: r.updated_at }]));
}

/** Set watermarks that do not exist yet (end of an initial load); existing ones stay. */
export async function insertWatermarks(db: Queryable, tables: readonly PipelineTable[], xid: bigint): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO adpipe.watermarks (table_name, xid, last_run)
     SELECT t, $2::bigint, jsonb_build_object('kind', 'initialLoad') FROM unnest($1::text[]) AS t
     ON CONFLICT (table_name) DO NOTHING`,
    [tables, xid.toString()],
  );
  return rowCount ?? 0;
}

/**
 * Move a watermark from `from` to `to` only if it still is at `from`: a concurrent run
 * that already advanced it is not rolled back. Returns whether this call moved it.
 */
export async function advanceWatermark(
  db: Queryable,
  table: PipelineTable,
  from: bigint,
  to: bigint,
  lastRun: object,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE adpipe.watermarks SET xid = $3, updated_at = now(), last_run = $4
     WHERE table_name = $1 AND xid = $2 AND $3 > xid`,
    [table, from.toString(), to.toString(), JSON.stringify(lastRun)],
  );
  return (rowCount ?? 0) > 0;
}

/** The xid below which every transaction has finished: the safe upper bound of a read. */
export async function currentSnapshotXmin(db: Queryable): Promise<bigint> {
  const { rows } = await db.query<{ xmin: string }>(
    'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
  );
  return BigInt(rows[0]!.xmin);
}
