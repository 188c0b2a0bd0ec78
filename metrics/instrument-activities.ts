import type { Activities } from '../activities/index.ts';
import type { PipelineMetrics } from './pipeline-metrics.ts';

/**
 * The same activities, reporting what the data-moving ones did: rows and tombstones per
 * table, and rebuild durations. Metrics are taken from the activities' own results, so
 * the pipeline code stays free of metrics plumbing; a renamed activity fails typecheck here.
 */
export function instrumentActivities(activities: Activities, metrics: PipelineMetrics): Activities {
  return {
    ...activities,
    async loadInitialRange(input) {
      const result = await activities.loadInitialRange(input);
      metrics.rowsMoved(input.table, 'rows', 'initial', result.rows);
      return result;
    },
    async loadDelta(input) {
      const result = await activities.loadDelta(input);
      metrics.rowsMoved(result.table, 'rows', 'delta', result.rows);
      metrics.rowsMoved(result.table, 'tombstones', 'delta', result.tombstones);
      return result;
    },
    async rebuildReports(input) {
      const result = await activities.rebuildReports(input);
      metrics.reportRebuilt(result.durationMs, result.dailyRows);
      return result;
    },
    // Backfills report their tombstones for both fact tables (or both dimensions) together,
    // so only their rows are counted per table.
    async reextractDay(input) {
      const result = await activities.reextractDay(input);
      metrics.rowsMoved('impressions', 'rows', 'backfill', result.impressions);
      metrics.rowsMoved('clicks', 'rows', 'backfill', result.clicks);
      return result;
    },
    async refreshBackfillDimensions(input) {
      const result = await activities.refreshBackfillDimensions(input);
      metrics.rowsMoved('advertisers', 'rows', 'backfill', result.advertisers);
      metrics.rowsMoved('campaigns', 'rows', 'backfill', result.campaigns);
      return result;
    },
  };
}
