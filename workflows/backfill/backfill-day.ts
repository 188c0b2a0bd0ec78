import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { BackfillDayInput, BackfillDayLoad } from '../../activities/backfill/backfill-activities.ts';
import { dataMovingActivity } from '../activity-options.ts';
import { parseDay } from '../../core/calendar.ts';

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
export async function backfillDay(input: BackfillDayInput): Promise<BackfillDayResult> {
  const bad = (message: string) => ApplicationFailure.create({ type: 'BadInput', nonRetryable: true, message });
  if (parseDay(input.day) === undefined) throw bad(`day: must be a date written YYYY-MM-DD, got ${JSON.stringify(input.day)}`);
  if (input.campaignId !== undefined && !(Number.isInteger(input.campaignId) && input.campaignId >= 1)) {
    throw bad(`campaignId: must be a positive integer, got ${JSON.stringify(input.campaignId)}`);
  }
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
