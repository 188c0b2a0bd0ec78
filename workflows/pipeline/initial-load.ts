import { log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { PipelineTable } from '../../core/tables.ts';
import type { RebuildResult } from '../../activities/reports/rebuild-reports.ts';
import type { GenerateIfEmptyResult } from '../../activities/generate/generate-activities.ts';
import { defaultInitialData, initialLoadInput, type InitialLoadInput } from '../../core/inputs/initial-load-input.ts';
import { parseWorkflowInput } from '../../core/inputs/parse-workflow-input.ts';
import { maxVersion } from '../../core/versions.ts';
import { dataMovingActivity, quickActivity } from '../activity-options.ts';
import { runBounded } from '../run-bounded.ts';

const quick = proxyActivities<Activities>(quickActivity);
const moving = proxyActivities<Activities>(dataMovingActivity);

export type { InitialLoadInput } from '../../core/inputs/initial-load-input.ts';

export interface InitialLoadResult {
  readonly loadId: string;
  readonly schemaApplied: string[];
  readonly generated: GenerateIfEmptyResult;
  readonly tables: PipelineTable[];
  readonly alreadyLoaded: PipelineTable[];
  readonly upperXid: string | null;
  readonly rowsByTable: Partial<Record<PipelineTable, number>>;
  readonly rangesLoaded: number;
  readonly reports: RebuildResult | null;
  readonly durationMs: number;
}

/**
 * Create or migrate the OLAP schema, load every table that has no watermark yet in
 * parallel id ranges below one xid cut, build all reports, then set the watermarks.
 * Running it again on a loaded system changes nothing.
 */
export async function initialLoad(raw: InitialLoadInput = {}): Promise<InitialLoadResult> {
  const input = parseWorkflowInput(initialLoadInput, raw);
  const started = Date.now();
  const loadId = input.loadId ?? 'initial';
  const { applied } = await quick.applyOlapSchema();
  const generated = input.generateIfEmpty === false
    ? { generated: false }
    : await moving.generateIfEmpty(input.generateIfEmpty ?? defaultInitialData);
  const plan = await quick.planInitialLoad({ loadId, rangeSize: input.rangeSize });
  const base = { loadId, schemaApplied: applied, generated, tables: plan.tables, alreadyLoaded: plan.alreadyLoaded };
  if (plan.tables.length === 0) {
    log.info('initialLoad: every table already has a watermark; nothing to do', { loadId });
    return { ...base, upperXid: null, rowsByTable: {}, rangesLoaded: 0, reports: null, durationMs: Date.now() - started };
  }
  const loaded = await runBounded(plan.ranges, input.parallelism ?? 2, (range) =>
    moving.loadInitialRange({ loadId, upperXid: plan.upperXid, ...range }).then((r) => ({ table: range.table, rows: r.rows })),
  );
  const rowsByTable: Partial<Record<PipelineTable, number>> = {};
  for (const r of loaded) rowsByTable[r.table] = (rowsByTable[r.table] ?? 0) + r.rows;
  const reports = await moving.rebuildReports({ versionLo: '0', versionHi: maxVersion.toString() });
  await quick.finishInitialLoad({ tables: plan.tables, upperXid: plan.upperXid });
  const result = { ...base, upperXid: plan.upperXid, rowsByTable, rangesLoaded: loaded.length, reports, durationMs: Date.now() - started };
  log.info('initialLoad finished', { ...result, workflowId: workflowInfo().workflowId });
  return result;
}
