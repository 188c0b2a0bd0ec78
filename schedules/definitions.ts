// Type-only: the CLI reads these definitions to declare its flags, and must start fast.
import type { ScheduleOverlapPolicy } from '@temporalio/client';
import { UsageError } from '../lib/errors.ts';

/** The schedules adpipe owns, by their stable ids. */
export const scheduleIds = ['generate-new-data', 'track-deltas', 'retrain-forecast'] as const;
export type ScheduleId = (typeof scheduleIds)[number];

/** Settings that shape a schedule's action (see schedule-settings.ts). */
export interface ActionSettings {
  readonly maxSleepSeconds: number;
}

/** One schedule as code: what it starts, how often, and what happens on overlap or outage. */
export interface ScheduleDefinition {
  readonly id: ScheduleId;
  readonly workflowType: string;
  /** Default interval ("3m"), the variable and the `schedules apply` flag that change it. */
  readonly every: { readonly default: string; readonly variable: string; readonly flag: string };
  readonly overlap: ScheduleOverlapPolicy;
  /** How late a missed run (server or worker down) may still start; older ones are dropped. */
  readonly catchupWindow: string;
  /** A workflow the worker must export before the schedule is created. */
  readonly requires?: string;
  args(settings: ActionSettings): unknown[];
  summary(settings: ActionSettings): string;
}

/** adpipe's schedules. Ids are stable: apply updates them in place, never duplicates. */
export const scheduleDefinitions: readonly ScheduleDefinition[] = [
  {
    id: 'generate-new-data',
    workflowType: 'generateNewData',
    every: { default: '3m', variable: 'ADPIPE_GENERATE_NEW_DATA_EVERY', flag: '--generate-new-data-every' },
    // Runs are independent inserts stamped with their own scheduled time: after an outage,
    // the missed ones may all run, concurrently.
    overlap: 'ALLOW_ALL',
    catchupWindow: '15m',
    args: (s) => [{ maxSleepSeconds: s.maxSleepSeconds }],
    summary: (s) => `Synthetic traffic: sleep 0–${s.maxSleepSeconds}s, then one random generator`,
  },
  {
    id: 'track-deltas',
    workflowType: 'trackDeltas',
    every: { default: '5m', variable: 'ADPIPE_TRACK_DELTAS_EVERY', flag: '--track-deltas-every' },
    // One run reads everything since the watermark: a second one at once would only wait.
    overlap: 'SKIP',
    catchupWindow: '10m',
    args: () => [{}],
    summary: () => 'Deltas of every table since its watermark, then the report rows they touch',
  },
  {
    id: 'retrain-forecast',
    workflowType: 'retrainForecast',
    every: { default: '1d', variable: 'ADPIPE_RETRAIN_FORECAST_EVERY', flag: '--retrain-forecast-every' },
    overlap: 'SKIP',
    catchupWindow: '1d',
    requires: 'retrainForecast',
    args: () => [],
    summary: () => 'Retrain the delivery forecast on ClickHouse history; keep the better model',
  },
];

/** A definition by id; an unknown id is a usage error listing the known ones. */
export function scheduleDefinition(id: string): ScheduleDefinition {
  const found = scheduleDefinitions.find((d) => d.id === id);
  if (found === undefined) {
    throw new UsageError(`unknown schedule "${id}"; expected one of ${scheduleIds.join(', ')}`, 'schedule');
  }
  return found;
}
