import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { BackfillDayLoad } from '../../activities/backfill/backfill-activities.ts';
import { backfillDayInput, type BackfillDayInput } from '../../core/inputs/backfill-day-input.ts';
import { parseWorkflowInput } from '../../core/inputs/parse-workflow-input.ts';
import { dataMovingActivity } from '../activity-options.ts';

const moving = proxyActivities<Activities>(dataMovingActivity);

/** One backfilled day: what was re-extracted and how many report rows were rebuilt. */
export interface BackfillDayResult extends BackfillDayLoad {
  readonly dailyRows: number;
}

/**
 * Re-extract one UTC day of impressions and clicks (one campaign, or all) with a fresh
 * version, then rebuild that day's report rows and the totals of its campaigns.
 * A child of `backfill`; may also be started on its own.
 */
export async function backfillDay(raw: BackfillDayInput): Promise<BackfillDayResult> {
  const input = parseWorkflowInput(backfillDayInput, raw);
  const load = await moving.reextractDay(input);
  const reports = await moving.rebuildReports({
    keys: 'scope',
    dayFrom: input.day,
    dayTo: input.day,
    campaigns: input.campaignId === undefined ? 'all' : [input.campaignId],
    daily: true,
  });
  return { ...load, dailyRows: reports.dailyRows };
}
