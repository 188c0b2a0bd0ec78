import { Counter, Histogram, type Registry } from 'prom-client';
import type { PipelineMetrics } from './pipeline-metrics.ts';

/** adpipe's counters and histograms on a prom-client registry. */
export function createPrometheusMetrics(registry: Registry): PipelineMetrics {
  const rows = new Counter({
    name: 'adpipe_rows_moved_total',
    help: 'Rows written to ClickHouse, by table, kind (rows or tombstones) and phase (initial, delta, backfill); a retried activity counts again',
    labelNames: ['table', 'kind', 'phase'] as const,
    registers: [registry],
  });
  const rebuild = new Histogram({
    name: 'adpipe_report_rebuild_duration_seconds',
    help: 'Duration of report rebuilds (campaign_daily and campaign_totals for the keys a load touched)',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
    registers: [registry],
  });
  const rebuiltRows = new Counter({
    name: 'adpipe_report_rows_rebuilt_total',
    help: 'Daily report rows (campaign, day) written by rebuilds, tombstones included',
    registers: [registry],
  });
  return {
    rowsMoved(table, kind, phase, count) {
      if (count > 0) rows.inc({ table, kind, phase }, count);
    },
    reportRebuilt(durationMs, dailyRows) {
      rebuild.observe(durationMs / 1000);
      rebuiltRows.inc(dailyRows);
    },
  };
}
