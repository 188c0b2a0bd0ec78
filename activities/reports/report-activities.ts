import type { ActivityDeps } from '../index.ts';
import { rebuildReports, type RebuildResult } from './rebuild-reports.ts';
import type { RebuildInput } from './report-keys.ts';

/** The report activities: one rebuild, whichever way its keys were chosen. */
export function createReportActivities(deps: ActivityDeps) {
  return {
    /** Rebuild campaign_daily and campaign_totals for the keys of a delta or of a backfill scope. */
    async rebuildReports(input: RebuildInput): Promise<RebuildResult> {
      return rebuildReports(deps.clickhouse, input);
    },
  };
}
