import type { KillTarget } from './kill-switch.ts';

// Points are announced by activities/fault-point.ts. The worker pauses 300 ms at the
// points between steps (faultDelays), so a kill there lands inside that window; a kill
// at a *.start point lands while the step's statement runs (mid-insert into ClickHouse).

/** Kills during initialLoad whose activity heartbeats: a new attempt starts once the 20 s heartbeat timeout passes. */
export const initialLoadTargets: readonly KillTarget[] = [
  { point: 'generateIfEmpty', windowMs: [100, 1500], where: 'initialLoad: generating the initial data set (one PostgreSQL transaction)' },
  { point: 'loadInitialRange.start', windowMs: [0, 600], where: 'initialLoad: mid-insert of an id range into ClickHouse' },
  { point: 'loadInitialRange.loaded', windowMs: [0, 250], where: 'initialLoad: range in ClickHouse, not yet recorded as done' },
  { point: 'rebuildReports.start', windowMs: [0, 400], where: 'initialLoad: during the full report rebuild' },
  { point: 'rebuildReports.daily', windowMs: [0, 250], where: 'initialLoad: daily report rebuilt, totals not yet' },
];

/** Kills during trackDeltas whose activity heartbeats. */
export const trackDeltasTargets: readonly KillTarget[] = [
  { point: 'loadDelta.start', windowMs: [0, 300], where: 'trackDeltas: extracting, mid-insert into ClickHouse' },
  { point: 'loadDelta.rows', windowMs: [0, 250], where: 'trackDeltas: rows loaded, tombstones not yet' },
  { point: 'loadDelta.tombstones', windowMs: [0, 250], where: 'trackDeltas: load durable, before rebuild and watermark advance' },
  { point: 'rebuildReports.start', windowMs: [0, 300], where: 'trackDeltas: during the report rebuild' },
  { point: 'rebuildReports.daily', windowMs: [0, 250], where: 'trackDeltas: daily report rebuilt, totals not yet' },
];

/** Kills in quick activities (no heartbeat): the retry waits for their 1-minute timeout. */
export const quickTargets: Record<'initialLoad' | 'trackDeltas', readonly KillTarget[]> = {
  initialLoad: [
    { point: 'planInitialLoad', windowMs: [0, 50], where: 'initialLoad: planning the cut and ranges' },
    { point: 'finishInitialLoad', windowMs: [0, 50], where: 'initialLoad: reports built, before the first watermarks' },
  ],
  trackDeltas: [
    { point: 'planDelta', windowMs: [0, 50], where: 'trackDeltas: planning (reading watermarks, taking xmin)' },
    { point: 'advanceWatermarks', windowMs: [0, 250], where: 'trackDeltas: reports rebuilt, watermark not advanced' },
  ],
};

/** ADPIPE_FAULT_DELAY_MS for the worker: widen the windows between steps. */
export const faultDelays =
  'loadInitialRange.loaded:300,loadDelta.rows:300,loadDelta.tombstones:300,rebuildReports.daily:300,advanceWatermarks:300';

/** The target at `point` in `targets` (throws on a typo). */
export function target(targets: readonly KillTarget[], point: string): KillTarget {
  const t = targets.find((x) => x.point === point);
  if (t === undefined) throw new Error(`no kill target at ${point}`);
  return t;
}
