import { scheduleStatuses, type ScheduleStatus } from '../../schedules/schedule-status.ts';
import type { PipelineContext } from '../../cli/handlers/pipeline-context.ts';
import { tableLag, type TableLag } from './table-lag.ts';
import { workerHealth, type WorkerHealth } from './worker-health.ts';

/** Everything `adpipe status` reports, JSON-ready. Temporal parts are null with an error when unreachable. */
export interface PipelineStatus {
  readonly generatedAt: string;
  readonly tables: TableLag[];
  /** pg_snapshot_xmin now: the upper bound a delta started now would read below. */
  readonly snapshotXmin: string;
  readonly schedules: ScheduleStatus[] | null;
  readonly workers: WorkerHealth | null;
  readonly temporalError: string | null;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

/** Read the pipeline's state from PostgreSQL and Temporal (schedules, pollers). */
export async function gatherStatus(ctx: PipelineContext, options: { scheduleIdPrefix?: string } = {}): Promise<PipelineStatus> {
  const pg = ctx.pg();
  const [tables, xmin] = await Promise.all([
    tableLag(pg),
    pg.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin'),
  ]);
  let schedules: ScheduleStatus[] | null = null;
  let workers: WorkerHealth | null = null;
  let temporalError: string | null = null;
  try {
    const { client } = await ctx.temporal();
    [schedules, workers] = await Promise.all([
      scheduleStatuses(client, { idPrefix: options.scheduleIdPrefix }),
      workerHealth(client, ctx.config.temporalNamespace, ctx.config.taskQueue),
    ]);
  } catch (err) {
    temporalError = firstLine(err); // the database half of the status is still worth printing
  }
  return { generatedAt: new Date().toISOString(), tables, snapshotXmin: xmin.rows[0]!.xmin, schedules, workers, temporalError };
}
