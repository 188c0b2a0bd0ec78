import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * The xid below which every transaction has finished (pg_snapshot_xmin of a fresh
 * snapshot): the safe upper bound of a read, and the next watermark of a run.
 */
export async function currentSnapshotXmin(db: Kysely<Database>): Promise<bigint> {
  const { rows } = await sql<{ xmin: string }>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(db);
  return BigInt(rows[0]!.xmin);
}
