/** The last run that advanced a table's watermark, as `status` shows it. */
export interface LastRun {
  readonly kind: 'initialLoad' | 'trackDeltas' | 'unknown';
  readonly workflowId: string | null;
  readonly startedAt: string | null;
  /** When the watermark moved: the end of the run (UTC ISO). */
  readonly finishedAt: string;
  readonly durationMs: number | null;
  /** Rows and tombstones this run loaded into this table. */
  readonly rows: number | null;
  readonly tombstones: number | null;
}

interface DeltaSummary {
  workflowId?: string;
  startedAt?: string;
  loads?: { table?: string; rows?: number; tombstones?: number; durationMs?: number }[];
  reports?: { durationMs?: number } | null;
}

/**
 * Read adpipe.watermarks.last_run (written by initialLoad and trackDeltas) for one table.
 * Runs recorded before trackDeltas stored its start time get an estimate: the slowest
 * table's load (they run side by side) plus the report rebuild.
 */
export function lastRunOf(table: string, lastRun: unknown, advancedAt: Date): LastRun {
  const finishedAt = advancedAt.toISOString();
  const base = { workflowId: null, startedAt: null, finishedAt, durationMs: null, rows: null, tombstones: null };
  if (lastRun === null || typeof lastRun !== 'object') return { kind: 'unknown', ...base };
  if ((lastRun as { kind?: unknown }).kind === 'initialLoad') return { kind: 'initialLoad', ...base };
  const s = lastRun as DeltaSummary;
  if (!Array.isArray(s.loads)) return { kind: 'unknown', ...base };
  const mine = s.loads.find((l) => l.table === table);
  const estimate = Math.max(0, ...s.loads.map((l) => l.durationMs ?? 0)) + (s.reports?.durationMs ?? 0);
  const startedMs = s.startedAt === undefined ? NaN : Date.parse(s.startedAt);
  return {
    kind: 'trackDeltas',
    workflowId: s.workflowId ?? null,
    startedAt: Number.isNaN(startedMs) ? null : new Date(startedMs).toISOString(),
    finishedAt,
    durationMs: Number.isNaN(startedMs) ? estimate : Math.max(0, advancedAt.getTime() - startedMs),
    rows: mine?.rows ?? null,
    tombstones: mine?.tombstones ?? null,
  };
}
