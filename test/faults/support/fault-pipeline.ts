import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { ClickHouseClient } from '@clickhouse/client';
import pg from 'pg';
import { createClickHouse } from '../../../lib/clickhouse.ts';
import { migrate } from '../../../lib/migrate.ts';
import { createPgPool } from '../../../lib/postgres/connect.ts';
import { reconcile, type ReconcileResult } from '../../../queries/verify/reconcile.ts';
import { startWatchdog } from '../../../services/watchdog.ts';
import { uniqueDatabaseName, withDatabase } from '../../harness/databases.ts';
import { startWorkerProcess, type WorkerProcess } from './worker-process.ts';

/** Servers to run against: the harness's, or a private stack a test restarts. */
export interface StackAddresses {
  /** Admin connection (may CREATE DATABASE). */
  readonly databaseUrl: string;
  readonly clickhouseUrl: string;
  readonly clickhouseUser: string;
  readonly clickhousePassword: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
}

/** A fresh PostgreSQL + ClickHouse database pair, workers as child processes, a client. */
export interface FaultPipeline {
  readonly pg: pg.Pool;
  readonly clickhouse: ClickHouseClient;
  readonly client: Client;
  readonly taskQueue: string;
  readonly databaseUrl: string;
  /** Environment that points `adpipe` commands (worker, status, verify) at this pipeline. */
  readonly env: Record<string, string>;
  /** Directory for worker logs, kept when a test fails. */
  readonly logDir: string;
  startWorker(extraEnv?: Record<string, string>): WorkerProcess;
  verify(): Promise<ReconcileResult>;
  close(): Promise<void>;
}

async function asAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Create the databases, migrate PostgreSQL, and prepare worker settings (no worker yet). */
export async function createFaultPipeline(stack: StackAddresses, prefix = 'faults'): Promise<FaultPipeline> {
  const name = uniqueDatabaseName(prefix);
  await asAdmin(stack.databaseUrl, `CREATE DATABASE ${name}`); // generated: a plain identifier
  const databaseUrl = withDatabase(stack.databaseUrl, name);
  await migrate({ databaseUrl });
  const endpoints = { ...stack, clickhouseDatabase: name };
  const taskQueue = `faults-${randomUUID()}`;
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `adpipe-${prefix}-`));
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    CLICKHOUSE_URL: stack.clickhouseUrl,
    CLICKHOUSE_USER: stack.clickhouseUser,
    CLICKHOUSE_PASSWORD: stack.clickhousePassword,
    CLICKHOUSE_DATABASE: name,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.temporalNamespace,
    ADPIPE_TASK_QUEUE: taskQueue,
    ADPIPE_METRICS_PORT: 'off',
    ADPIPE_LOG_LEVEL: 'WARN',
  };
  const pool = createPgPool(databaseUrl, { applicationName: 'adpipe-faults' });
  const clickhouse = createClickHouse(endpoints);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection, namespace: stack.temporalNamespace });
  const workers: WorkerProcess[] = [];
  const watchdog = startWatchdog();
  let started = 0;
  return {
    pg: pool,
    clickhouse,
    client,
    taskQueue,
    databaseUrl,
    env,
    logDir,
    startWorker(extraEnv = {}) {
      const w = startWorkerProcess({ ...env, ...extraEnv }, path.join(logDir, `worker-${++started}.log`), watchdog);
      workers.push(w);
      return w;
    },
    verify: () => reconcile(pool, clickhouse),
    async close() {
      await Promise.allSettled(workers.map((w) => w.kill()));
      watchdog.close();
      await connection.close();
      await pool.end();
      await clickhouse.close();
      const server = createClickHouse(endpoints, { withDatabase: false });
      await server.command({ query: `DROP DATABASE IF EXISTS ${name} SYNC` }).catch(() => {});
      await server.close();
      await asAdmin(stack.databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    },
  };
}
