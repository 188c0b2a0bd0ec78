import { Gauge, type Registry } from 'prom-client';
import type { Pool } from 'pg';
import { pipelineTables, sourceTables, type PipelineTable } from '../core/tables.ts';

/** One table's distance from its watermark. */
export interface LagSample {
  readonly table: PipelineTable;
  /** Changed rows and logged deletes at or after the watermark (capped). */
  readonly rowsBehind: number;
  readonly deletesBehind: number;
  /** Transaction ids between the watermark and the oldest running transaction. */
  readonly xidsBehind: number;
  readonly ageSeconds: number;
}

/**
 * Read the lag of every table that has a watermark. Cheap on purpose: each count is an
 * index range scan on adpipe_xid stopped at `cap` rows, so a huge backlog costs no more
 * than `cap` index entries.
 */
export async function readWatermarkLag(pool: Pool, cap: number): Promise<LagSample[]> {
  const { rows: marks } = await pool.query<{ table_name: PipelineTable; xid: string; age: number; xmin: string }>(
    `SELECT table_name, xid::text, extract(epoch FROM now() - updated_at)::float8 AS age,
            pg_snapshot_xmin(pg_current_snapshot())::text AS xmin
     FROM adpipe.watermarks`,
  );
  const samples: LagSample[] = [];
  for (const m of marks.filter((m) => (pipelineTables as readonly string[]).includes(m.table_name))) {
    const source = sourceTables[m.table_name].source; // a constant, never user input
    const count = async (sql: string, params: unknown[]) => Number((await pool.query<{ n: string }>(sql, params)).rows[0]!.n);
    samples.push({
      table: m.table_name,
      rowsBehind: await count(`SELECT count(*) AS n FROM (SELECT 1 FROM public.${source} WHERE adpipe_xid >= $1 LIMIT $2) t`, [m.xid, cap]),
      deletesBehind: await count(
        `SELECT count(*) AS n FROM (SELECT 1 FROM adpipe.deleted_rows WHERE table_name = $1 AND adpipe_xid >= $2 LIMIT $3) t`,
        [source, m.xid, cap],
      ),
      xidsBehind: Math.max(0, Number(BigInt(m.xmin) - BigInt(m.xid))),
      ageSeconds: m.age,
    });
  }
  return samples;
}

/** Gauges of watermark lag, read from PostgreSQL when scraped (at most once per `cacheMs`). */
export function registerWatermarkLag(registry: Registry, pool: Pool, options: { cap?: number; cacheMs?: number } = {}): void {
  const cap = options.cap ?? 1_000_000;
  let cached: { at: number; samples: Promise<LagSample[]> } | undefined;
  const sample = () => {
    if (cached === undefined || Date.now() - cached.at > (options.cacheMs ?? 10_000)) {
      cached = { at: Date.now(), samples: readWatermarkLag(pool, cap).catch(() => []) }; // a scrape never fails on PG
    }
    return cached.samples;
  };
  const gauge = (name: string, help: string, value: (s: LagSample) => number) =>
    new Gauge({
      name, help, labelNames: ['table'] as const, registers: [registry],
      async collect() {
        this.reset();
        for (const s of await sample()) this.set({ table: s.table }, value(s));
      },
    });
  gauge('adpipe_watermark_rows_behind', `Rows changed at or after the table's watermark: not yet in ClickHouse (counted up to ${cap})`, (s) => s.rowsBehind);
  gauge('adpipe_watermark_deletes_behind', `Deletes logged at or after the table's watermark (counted up to ${cap})`, (s) => s.deletesBehind);
  gauge('adpipe_watermark_xids_behind', 'Transaction ids between the watermark and the oldest running transaction', (s) => s.xidsBehind);
  gauge('adpipe_watermark_age_seconds', 'Seconds since the watermark last advanced', (s) => s.ageSeconds);
}
