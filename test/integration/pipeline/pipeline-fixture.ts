import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { NativeConnection, Worker } from '@temporalio/worker';
import { installRuntime } from '../../../worker/runtime.ts';
import type { Pool } from 'pg';
import type { ClickHouseClient } from '@clickhouse/client';
import { createActivities, type Activities } from '../../../activities/index.ts';
import type { Endpoints } from '../../../lib/endpoints.ts';
import { migrate } from '../../../lib/migrate.ts';
import { reconcile, type ReconcileResult } from '../../../queries/verify/reconcile.ts';
import { createActivityDeps } from '../../../worker/activity-deps.ts';
import { workflowsPath } from '../../../worker/create-worker.ts';
import { testStack } from '../../harness/context.ts';
import { createClickHouseDatabase, createPgDatabase } from '../../harness/databases.ts';
import type { initialLoad, trackDeltas } from '../../../workflows/index.ts';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The production workflows, bundled once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} } });
  return bundle;
}

/** A fresh PostgreSQL database and ClickHouse database with a real worker on its own task queue. */
export interface PipelineFixture {
  readonly pg: Pool;
  readonly clickhouse: ClickHouseClient;
  readonly activities: Activities;
  readonly databaseUrl: string;
  readonly taskQueue: string;
  readonly client: Client;
  runInitialLoad(input?: Parameters<typeof initialLoad>[0]): ReturnType<typeof initialLoad>;
  runTrackDeltas(input?: Parameters<typeof trackDeltas>[0]): ReturnType<typeof trackDeltas>;
  verify(): Promise<ReconcileResult>;
  close(): Promise<void>;
}

export async function createPipelineFixture(options: { extractMode?: 'pull' | 'stream' } = {}): Promise<PipelineFixture> {
  installRuntime({ logLevel: 'WARN' }); // keep test output to what matters
  const stack = testStack();
  const pgDb = await createPgDatabase('pipeline');
  await migrate({ databaseUrl: pgDb.url });
  const chDb = await createClickHouseDatabase('pipeline');
  const endpoints: Endpoints = {
    databaseUrl: pgDb.url,
    clickhouseUrl: stack.clickhouseUrl,
    clickhouseUser: stack.clickhouseUser,
    clickhousePassword: stack.clickhousePassword,
    clickhouseDatabase: chDb.name,
    temporalAddress: stack.temporalAddress,
    temporalNamespace: stack.temporalNamespace,
    databaseUrlForClickhouse: pgDb.urlForClickhouse,
  };
  const owned = createActivityDeps(endpoints, { extractMode: options.extractMode ?? 'pull' });
  const activities = createActivities(owned.deps);
  const taskQueue = `test-pipeline-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: stack.temporalAddress });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: stack.temporalNamespace,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection, namespace: stack.temporalNamespace });
  const execute = <T>(name: string, input: unknown): Promise<T> =>
    client.workflow.execute(name, { taskQueue, workflowId: `${name}-${randomUUID()}`, args: [input ?? {}] }) as Promise<T>;
  return {
    pg: owned.deps.pg,
    clickhouse: owned.deps.clickhouse,
    activities,
    databaseUrl: pgDb.url,
    taskQueue,
    client,
    runInitialLoad: (input) => execute('initialLoad', input),
    runTrackDeltas: (input) => execute('trackDeltas', input),
    verify: () => reconcile(owned.deps.pg, owned.deps.clickhouse),
    async close() {
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
      await owned.close();
      await chDb.drop();
      await pgDb.drop();
    },
  };
}
