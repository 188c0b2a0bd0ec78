import type { Pool } from 'pg';
import { pipelineTables, sourceTables } from '../../core/tables.ts';
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

/** Watermark, rows and deletes behind, and last run of every table (index range counts). */
export async function tableLag(pool: Pool): Promise<TableLag[]> {
  const { rows: marks } = await pool.query<{ table_name: string; xid: string; updated_at: Date; last_run: unknown }>(
    'SELECT table_name, xid, updated_at, last_run FROM adpipe.watermarks',
  );
  const byTable = new Map(marks.map((m) => [m.table_name, m]));
  return Promise.all(pipelineTables.map(async (table): Promise<TableLag> => {
    const m = byTable.get(table);
    const from = m?.xid ?? '0';
    const source = sourceTables[table].source;
    const [behind, deletes] = await Promise.all([
      pool.query<{ n: string }>(`SELECT count(*) AS n FROM public.${source} WHERE adpipe_xid >= $1`, [from]),
      pool.query<{ n: string }>('SELECT count(*) AS n FROM adpipe.deleted_rows WHERE table_name = $1 AND adpipe_xid >= $2', [source, from]),
    ]);
    return {
      table,
      watermark: m?.xid ?? null,
      advancedAt: m?.updated_at.toISOString() ?? null,
      rowsBehind: Number(behind.rows[0]!.n),
      deletesBehind: Number(deletes.rows[0]!.n),
      lastRun: m ? lastRunOf(table, m.last_run, m.updated_at) : null,
    };
  }));
}
