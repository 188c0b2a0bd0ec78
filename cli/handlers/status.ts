import Table from 'cli-table3';
import { pipelineTables, sourceTables } from '../../activities/source-tables.ts';
import type { Output } from './services.ts';
import { withPipelineContext } from './pipeline-context.ts';

/** One table's replication state. */
export interface TableStatus {
  readonly table: string;
  readonly watermark: string | null;
  readonly updatedAt: string | null;
  /** Rows written at or after the watermark: not yet in ClickHouse (or not yet confirmed). */
  readonly rowsBehind: number;
  readonly lastRun: unknown;
}

/** Watermarks and lag per table, read from PostgreSQL. */
export async function tableStatuses(pool: import('pg').Pool): Promise<{ tables: TableStatus[]; oldestRunningXid: string | null }> {
  const { rows: marks } = await pool.query<{ table_name: string; xid: string; updated_at: Date; last_run: unknown }>(
    'SELECT table_name, xid, updated_at, last_run FROM adpipe.watermarks',
  );
  const byTable = new Map(marks.map((m) => [m.table_name, m]));
  const tables: TableStatus[] = [];
  for (const t of pipelineTables) {
    const m = byTable.get(t);
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM public.${sourceTables[t].source} WHERE adpipe_xid >= $1`, [m?.xid ?? '0'],
    );
    tables.push({ table: t, watermark: m?.xid ?? null, updatedAt: m?.updated_at.toISOString() ?? null, rowsBehind: Number(rows[0]!.n), lastRun: m?.last_run ?? null });
  }
  const { rows: x } = await pool.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
  return { tables, oldestRunningXid: x[0]!.xmin };
}

/** `adpipe status`: watermarks and rows behind, per table. */
export async function runStatus(opts: { json?: boolean }, io: Output): Promise<void> {
  await withPipelineContext(async (ctx) => {
    const status = await tableStatuses(ctx.pg());
    if (opts.json) return io.out(JSON.stringify(status, null, 2));
    const table = new Table({ head: ['table', 'watermark (xid)', 'advanced at (UTC)', 'rows behind'] });
    for (const s of status.tables) table.push([s.table, s.watermark ?? 'not loaded', s.updatedAt ?? '', s.rowsBehind]);
    io.out(table.toString());
    io.out(`Oldest running transaction id: ${status.oldestRunningXid} (a delta can read only below it).`);
  });
}
