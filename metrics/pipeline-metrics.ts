import type { PipelineTable } from '../core/tables.ts';

/** Which load moved rows: an initial snapshot load, a scheduled delta, or a backfill. */
export type LoadPhase = 'initial' | 'delta' | 'backfill';

/**
 * What the activities report. The worker passes a Prometheus-backed implementation
 * (prometheus-metrics.ts); deps built without one (tests, the CLI) report nowhere.
 */
export interface PipelineMetrics {
  /** Rows (or tombstones) written to ClickHouse for a table. */
  rowsMoved(table: PipelineTable, kind: 'rows' | 'tombstones', phase: LoadPhase, count: number): void;
  /** One report rebuild finished: how long it took and how many daily rows it wrote. */
  reportRebuilt(durationMs: number, dailyRows: number): void;
}

/** Metrics that go nowhere. */
export const noMetrics: PipelineMetrics = Object.freeze({ rowsMoved() {}, reportRebuilt() {} });
