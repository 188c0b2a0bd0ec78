import type { Kysely } from 'kysely';
import { pipelineTables } from '../../core/tables.ts';
import type { Database } from '../../lib/postgres/schema.ts';
import { readBacklog } from '../../lib/postgres/state/backlog.ts';
import { readWatermarks } from '../../lib/postgres/state/watermarks.ts';
import { lastRunOf, type LastRun } from './last-run.ts';

/** One table's replication state, read from PostgreSQL. */
export interface TableLag {
  readonly table: string;
  /** The next delta reads adpipe_xid >= watermark; null before the initial load. */
  readonly watermark: string | null;
  readonly advancedAt: string | null;
  /** Rows written at or after the watermark: not in ClickHouse yet. */
  readonly rowsBehind: number;
  /** Deletes (and key moves) logged at or after the watermark: not applied yet. */
  readonly deletesBehind: number;
  readonly lastRun: LastRun | null;
}

/** Watermark, rows and deletes behind (exact counts over index ranges), and last run of every table. */
export async function tableLag(db: Kysely<Database>): Promise<TableLag[]> {
  const marks = await readWatermarks(db);
  return Promise.all(pipelineTables.map(async (table): Promise<TableLag> => {
    const m = marks.get(table);
    const backlog = await readBacklog(db, table, m?.xid ?? 0n); // before the initial load every row is behind
    return {
      table,
      watermark: m === undefined ? null : String(m.xid),
      advancedAt: m?.updatedAt.toISOString() ?? null,
      rowsBehind: backlog.rows,
      deletesBehind: backlog.deletes,
      lastRun: m ? lastRunOf(table, m.lastRun, m.updatedAt) : null,
    };
  }));
}
