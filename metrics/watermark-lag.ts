import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { PipelineTable } from '../core/tables.ts';
import type { Database } from '../lib/postgres/schema.ts';
import { readBacklog } from '../lib/postgres/state/backlog.ts';
import { currentSnapshotXmin } from '../lib/postgres/state/snapshot-xmin.ts';
import { readWatermarks } from '../lib/postgres/state/watermarks.ts';

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
export async function readWatermarkLag(db: Kysely<Database>, cap: number): Promise<LagSample[]> {
  const [marks, xmin] = await Promise.all([readWatermarks(db), currentSnapshotXmin(db)]);
  const samples: LagSample[] = [];
  for (const m of marks.values()) {
    const backlog = await readBacklog(db, m.table, m.xid, cap);
    samples.push({
      table: m.table,
      rowsBehind: backlog.rows,
      deletesBehind: backlog.deletes,
      xidsBehind: Math.max(0, Number(xmin - m.xid)),
      ageSeconds: m.ageSeconds,
    });
  }
  return samples;
}

/** Gauges of watermark lag, read from PostgreSQL when scraped (at most once per `cacheMs`). */
export function registerWatermarkLag(registry: Registry, db: Kysely<Database>, options: { cap?: number; cacheMs?: number } = {}): void {
  const cap = options.cap ?? 1_000_000;
  let cached: { at: number; samples: Promise<LagSample[]> } | undefined;
  const sample = () => {
    if (cached === undefined || Date.now() - cached.at > (options.cacheMs ?? 10_000)) {
      cached = { at: Date.now(), samples: readWatermarkLag(db, cap).catch(() => []) }; // a scrape never fails on PG
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
