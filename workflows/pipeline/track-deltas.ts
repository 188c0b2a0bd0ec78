import { log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { DeltaLoadResult } from '../../activities/pipeline/delta-activities.ts';
import type { RebuildResult } from '../../activities/reports/rebuild-reports.ts';
import type { PipelineTable } from '../../core/tables.ts';
import { parseWorkflowInput } from '../../core/inputs/parse-workflow-input.ts';
import { trackDeltasInput, type TrackDeltasInput } from '../../core/inputs/track-deltas-input.ts';
import { runVersionRange } from '../../core/versions.ts';
import { dataMovingActivity, quickActivity } from '../activity-options.ts';

const quick = proxyActivities<Activities>(quickActivity);
const moving = proxyActivities<Activities>(dataMovingActivity);

export type { TrackDeltasInput } from '../../core/inputs/track-deltas-input.ts';

export interface TrackDeltasResult {
  readonly watermarkBefore: Partial<Record<PipelineTable, string>>;
  readonly watermarkAfter: string;
  readonly loads: DeltaLoadResult[];
  readonly reports: RebuildResult | null;
  readonly advanced: PipelineTable[];
  readonly durationMs: number;
}

/**
 * Per table: extract what changed since the watermark, upsert it into ClickHouse with
 * versions and tombstones; then rebuild the report rows those changes touched; only
 * then advance the watermarks. A crash anywhere re-runs the same range with the same
 * versions, so nothing is lost and nothing counted twice.
 */
export async function trackDeltas(raw: TrackDeltasInput = {}): Promise<TrackDeltasResult> {
  const input = parseWorkflowInput(trackDeltasInput, raw);
  const started = Date.now();
  const plan = await quick.planDelta({ tables: input.tables });
  const loads = await Promise.all(plan.tables.map((t) => moving.loadDelta({ ...t, toXid: plan.toXid })));
  const changed = loads.some((l) => l.rows + l.tombstones > 0);
  const versions = runVersionRange(BigInt(plan.toXid));
  const reports = changed
    ? await moving.rebuildReports({ versionLo: versions.lo.toString(), versionHi: versions.hi.toString() })
    : null;
  const watermarkBefore = Object.fromEntries(plan.tables.map((t) => [t.table, t.fromXid]));
  // Run identity and start time go into adpipe.watermarks.last_run: `status` shows the duration.
  const run = { workflowId: workflowInfo().workflowId, startedAt: new Date(started).toISOString() };
  const summary = { ...run, watermarkBefore, watermarkAfter: plan.toXid, loads, reports };
  const { advanced } = await quick.advanceWatermarks({ toXid: plan.toXid, tables: plan.tables, summary });
  const result = { ...summary, advanced, durationMs: Date.now() - started };
  log.info('trackDeltas finished', { ...result });
  return result;
}
