import { executeChild, log, proxyActivities, setHandler, upsertMemo, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { DimensionRefresh } from '../../activities/backfill/refresh-dimensions.ts';
import type { RebuildResult } from '../../activities/reports/rebuild-reports.ts';
import { dataMovingActivity, quickActivity } from '../activity-options.ts';
import { backfillDay } from './backfill-day.ts';
import { progressQuery, type BackfillPhase, type BackfillProgress, type BackfillRows } from './backfill-progress.ts';
import { backfillInputSchema, type BackfillInput } from '../../core/inputs/backfill-input.ts';
import { parseWorkflowInput } from '../../core/inputs/parse-workflow-input.ts';
import { daysOf, utcDay } from '../../core/calendar.ts';
import { runBounded } from '../run-bounded.ts';
import { dateRangeKey, workflowKindKey } from '../../core/search-attributes.ts';

const quick = proxyActivities<Activities>(quickActivity);
const moving = proxyActivities<Activities>(dataMovingActivity);

export type { BackfillInput } from '../../core/inputs/backfill-input.ts';

/** What a backfill did. */
export interface BackfillResult {
  readonly workflowId: string;
  readonly from: string;
  readonly to: string;
  readonly campaignId: number | null;
  readonly days: number;
  readonly rows: BackfillRows;
  readonly dimensions: DimensionRefresh;
  /** Campaigns repriced on every day because their bid in ClickHouse was stale. */
  readonly repricedCampaigns: number[];
  readonly totals: RebuildResult;
  readonly durationMs: number;
}

/**
 * Re-extract and rebuild a range of UTC days: refresh the dimensions once, reprice
 * campaigns whose bid was stale, then one backfillDay child per day (bounded
 * concurrency), then the totals of every campaign in scope. `progress` answers throughout.
 */
export async function backfill(raw: BackfillInput): Promise<BackfillResult> {
  const input = parseWorkflowInput(backfillInputSchema(utcDay(Date.now())), raw);
  const { workflowId, startTime, typedSearchAttributes } = workflowInfo();
  // Tag the children only when the starter could tag this run: the server knows the keys.
  const tagged = typedSearchAttributes.get(dateRangeKey) !== undefined;
  const childAttributes = (day: string) =>
    tagged ? { typedSearchAttributes: [{ key: workflowKindKey, value: 'backfillDay' }, { key: dateRangeKey, value: `${day}..${day}` }] } : {};
  const days = daysOf(input.from, input.to);
  const campaignId = input.campaignId ?? null;
  let phase: BackfillPhase = 'checking';
  let rows: BackfillRows = { impressions: 0, clicks: 0, tombstones: 0 };
  const current = new Set<string>();
  let daysDone = 0;
  setHandler(progressQuery, (): BackfillProgress => ({
    workflowId, from: input.from, to: input.to, campaignId, phase, daysTotal: days.length, daysDone,
    currentDays: [...current].sort(), rows, startedAt: startTime.toISOString(),
  }));
  upsertMemo({ range: `${input.from}..${input.to}`, campaignId });

  const scope = input.campaignId === undefined ? {} : { campaignId: input.campaignId };
  const advertiserId = input.campaignId === undefined ? undefined : (await quick.checkBackfillCampaign({ campaignId: input.campaignId })).advertiserId;
  phase = 'dimensions';
  const dimensions = await moving.refreshBackfillDimensions({ ...scope, advertiserId });
  const { campaignIds: repricedCampaigns } = await quick.findMispricedCampaigns(scope);
  if (repricedCampaigns.length > 0) await moving.rebuildReports({ keys: 'scope', campaigns: repricedCampaigns, daily: true });

  phase = 'days';
  await runBounded(days, input.concurrency ?? 4, async (day) => {
    current.add(day);
    const r = await executeChild(backfillDay, {
      workflowId: `${workflowId}-day-${day}`, args: [{ day, ...scope }], memo: { day }, ...childAttributes(day),
    });
    current.delete(day);
    daysDone += 1;
    rows = { impressions: rows.impressions + r.impressions, clicks: rows.clicks + r.clicks, tombstones: rows.tombstones + r.tombstones };
  });

  // Days ran side by side, each rebuilding its campaigns' totals as it went; one pass
  // at the end makes the totals sum the final daily rows whatever the interleaving.
  phase = 'totals';
  const totals = await moving.rebuildReports({
    keys: 'scope', dayFrom: input.from, dayTo: input.to, campaigns: campaignId === null ? 'all' : [campaignId], daily: false,
  });
  phase = 'done';
  const durationMs = Date.now() - startTime.getTime();
  const result: BackfillResult = {
    workflowId, from: input.from, to: input.to, campaignId, days: days.length, rows, dimensions, repricedCampaigns, totals, durationMs,
  };
  const { impressions, clicks, tombstones } = rows;
  upsertMemo({ summary: `${days.length} days: ${impressions} impressions, ${clicks} clicks, ${tombstones} tombstones in ${Math.round(durationMs / 1000)} s` });
  log.info('backfill finished', { ...result });
  return result;
}
