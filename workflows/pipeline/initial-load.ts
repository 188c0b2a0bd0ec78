import { ApplicationFailure, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { PipelineTable } from '../../core/tables.ts';
import type { RebuildResult } from '../../activities/reports/rebuild-reports.ts';
import type { GenerateIfEmptyResult, InitialDataSize } from '../../activities/generate/generate-activities.ts';
import { maxVersion } from '../../core/versions.ts';
import { dataMovingActivity, quickActivity } from '../activity-options.ts';
import { runBounded } from '../run-bounded.ts';

const quick = proxyActivities<Activities>(quickActivity);
const moving = proxyActivities<Activities>(dataMovingActivity);

export interface InitialLoadInput {
  /** Names the load; a retry or re-run with the same id reuses its cut and skips done ranges. */
  readonly loadId?: string;
  /** Ids per range (default 1,000,000). */
  readonly rangeSize?: number;
  /** Ranges loaded at once (default 2). */
  readonly parallelism?: number;
  /** Data set to generate when OLTP is empty; `false` to never generate. */
  readonly generateIfEmpty?: InitialDataSize | false;
}

/** What `npm start` generates into an empty database: 5 × 4 campaigns × 20,000 impressions. */
export const defaultInitialData: InitialDataSize = { advertisers: 5, campaigns: 4, impressions: 20_000, ctr: 0.05 };

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

function validate(input: InitialLoadInput): void {
  const bad = (field: string, message: string) =>
    ApplicationFailure.create({ type: 'BadInput', nonRetryable: true, message: `${field}: ${message}` });
  if (input.rangeSize !== undefined && !(Number.isInteger(input.rangeSize) && input.rangeSize >= 1000)) {
    throw bad('rangeSize', `must be an integer of at least 1000, got ${input.rangeSize}`);
  }
  if (input.parallelism !== undefined && !(Number.isInteger(input.parallelism) && input.parallelism >= 1 && input.parallelism <= 32)) {
    throw bad('parallelism', `must be an integer from 1 to 32, got ${input.parallelism}`);
  }
}

/**
 * Create or migrate the OLAP schema, load every table that has no watermark yet in
 * parallel id ranges below one xid cut, build all reports, then set the watermarks.
 * Running it again on a loaded system changes nothing.
 */
export async function initialLoad(input: InitialLoadInput = {}): Promise<InitialLoadResult> {
  validate(input);
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
