import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool } from 'pg';
import { gatherStatus, type PipelineStatus, type TemporalSource } from './gather-status.ts';
import { healthReport, type HealthReport } from './health-report.ts';

/** `adpipe status` and `GET /v1/status` as data: pipeline state plus the health report. */
export type StatusReport = PipelineStatus & { readonly health: HealthReport };

/** The clients the status reads. */
export interface StatusClients {
  readonly pg: Pool;
  readonly clickhouse: ClickHouseClient;
  readonly temporal: TemporalSource;
}

/**
 * Per table watermark, rows and deletes behind, last run; schedules; workers polling the
 * task queue; what holds the watermark back and what was not loaded. Unreachable
 * Temporal or ClickHouse parts are reported in the result, not thrown.
 */
export async function readStatus(c: StatusClients): Promise<StatusReport> {
  const status = await gatherStatus(c.pg, c.temporal);
  const health = await healthReport(c.pg, c.clickhouse); // why deltas wait, what was not loaded
  return { ...status, health };
}
