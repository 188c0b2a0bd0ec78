import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { createKysely } from '../../lib/postgres/connect.ts';
import { currentSnapshotXmin } from '../../lib/postgres/state/snapshot-xmin.ts';
import { scheduleStatuses, type ScheduleStatus } from '../../schedules/schedule-status.ts';
import { tableLag, type TableLag } from './table-lag.ts';
import { workerHealth, type WorkerHealth } from './worker-health.ts';

/** Watermarks, schedules and workers, JSON-ready. Temporal parts are null with an error when unreachable. */
export interface PipelineStatus {
  readonly generatedAt: string;
  readonly tables: TableLag[];
  /** pg_snapshot_xmin now: the upper bound a delta started now would read below. */
  readonly snapshotXmin: string;
  readonly schedules: ScheduleStatus[] | null;
  readonly workers: WorkerHealth | null;
  readonly temporalError: string | null;
}

/** Where the status reads Temporal: a client (connected on demand: it may be unreachable) and the queue. */
export interface TemporalSource {
  readonly client: () => Promise<Client>;
  readonly namespace: string;
  readonly taskQueue: string;
  /** Only schedules whose id starts so (tests run their own); default: adpipe's. */
  readonly scheduleIdPrefix?: string;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

/** Read the pipeline's state from PostgreSQL and Temporal (schedules, pollers). */
export async function gatherStatus(pg: Pool, temporal: TemporalSource): Promise<PipelineStatus> {
  const db = createKysely(pg); // a view over the pool: nothing to close
  const [tables, xmin] = await Promise.all([tableLag(db), currentSnapshotXmin(db)]);
  let schedules: ScheduleStatus[] | null = null;
  let workers: WorkerHealth | null = null;
  let temporalError: string | null = null;
  try {
    const client = await temporal.client();
    [schedules, workers] = await Promise.all([
      scheduleStatuses(client, { idPrefix: temporal.scheduleIdPrefix }),
      workerHealth(client, temporal.namespace, temporal.taskQueue),
    ]);
  } catch (err) {
    temporalError = firstLine(err); // the database half of the status is still worth printing
  }
  return { generatedAt: new Date().toISOString(), tables, snapshotXmin: String(xmin), schedules, workers, temporalError };
}
