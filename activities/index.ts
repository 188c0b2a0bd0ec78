import type { ClickHouseClient } from '@clickhouse/client';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { Database } from '../lib/postgres/schema.ts';
import { applyOlapSchema } from './pipeline/olap-schema.ts';
import type { PgAddress } from './pipeline/pg-address.ts';
import { createLoadActivities } from './pipeline/initial-load-activities.ts';
import { createDeltaActivities } from './pipeline/delta-activities.ts';
import { createGenerateActivities } from './generate/generate-activities.ts';
import { createBackfillActivities } from './backfill/backfill-activities.ts';
import { createGenerateNewDataActivities } from './generate/generate-new-data-activities.ts';
import { createForecastActivities } from './forecast/forecast-activities.ts';
import { createReportActivities } from './reports/report-activities.ts';

/** What the activities need; the worker builds the real ones, tests pass their own. */
export interface ActivityDeps {
  readonly pg: Pool;
  /** kysely over the same pool: pipeline state goes through lib/postgres/state with it. */
  readonly db: Kysely<Database>;
  /** ClickHouse client bound to adpipe's database. */
  readonly clickhouse: ClickHouseClient;
  /** ClickHouse client with no database, for CREATE DATABASE. */
  readonly clickhouseServer: ClickHouseClient;
  readonly clickhouseDatabase: string;
  /** PostgreSQL as ClickHouse reaches it, for postgresql() pulls. */
  readonly pgForClickhouse: PgAddress;
  readonly extractMode: 'pull' | 'stream';
}

/** All activities, closed over their dependencies (samples-typescript DI pattern). */
export function createActivities(deps: ActivityDeps) {
  return {
    async applyOlapSchema(): Promise<{ applied: string[] }> {
      return applyOlapSchema(deps.clickhouseServer, deps.clickhouse, deps.clickhouseDatabase);
    },
    ...createReportActivities(deps),
    ...createLoadActivities(deps),
    ...createDeltaActivities(deps),
    ...createGenerateActivities(deps),
    ...createBackfillActivities(deps),
    ...createGenerateNewDataActivities(deps),
    ...createForecastActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
