import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { spawnService, type ChildService, type ServiceHandle } from './child-service.ts';
import { adpipeSearchAttributes } from '../core/search-attributes.ts';
import { stateLayout } from './state-dir.ts';
import type { Watchdog } from './watchdog.ts';

/** Options for startTemporalDevServer. */
export interface TemporalDevServerOptions {
  /** Path of the `temporal` binary (see ensureTemporalCli). */
  readonly binary: string;
  readonly stateDir: string;
  readonly port: number;
  readonly uiPort: number;
  readonly namespace?: string;
  readonly readyTimeoutMs?: number;
  readonly watchdog?: Watchdog | undefined;
}

/** A running Temporal dev server. */
export interface TemporalDevServer extends ServiceHandle {
  /** host:port of the frontend gRPC service. */
  readonly address: string;
  readonly uiUrl: string;
}

/** Arguments for `temporal server start-dev`, SQLite state in the state dir. */
export function devServerArgs(options: TemporalDevServerOptions): string[] {
  return [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--db-filename', stateLayout(options.stateDir).temporalDb,
    '--namespace', options.namespace ?? 'default',
    '--log-level', 'warn',
    ...Object.entries(adpipeSearchAttributes).flatMap(([name, kind]) => ['--search-attribute', `${name}=${kind}`]),
  ];
}

/** Start `temporal server start-dev` and wait until its frontend and Web UI answer. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const layout = stateLayout(options.stateDir);
  fs.mkdirSync(layout.logs, { recursive: true });
  const service = spawnService({
    name: 'temporal',
    command: options.binary,
    args: devServerArgs(options),
    watchdog: options.watchdog,
    logFile: layout.log('temporal'),
  });
  const address = `127.0.0.1:${options.port}`;
  const uiUrl = `http://127.0.0.1:${options.uiPort}`;
  try {
    await waitUntilAnswering(service, address, uiUrl, options.namespace ?? 'default', options.readyTimeoutMs ?? 90_000);
    return { name: service.name, pid: service.pid, address, uiUrl, stop: () => service.stop() };
  } catch (err) {
    await service.stop();
    throw err;
  }
}

/** Poll until the namespace is served over gRPC and the UI over HTTP; fail early if the server exits. */
async function waitUntilAnswering(service: ChildService, address: string, uiUrl: string, namespace: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (service.hasExited()) {
      const s = await service.exited;
      throw new Error(`Temporal dev server exited (${s.signal ?? `code ${s.code}`}) before it was ready:\n${service.tail()}`);
    }
    try {
      await frontendAnswers(address, namespace);
      const ui = await fetch(uiUrl, { signal: AbortSignal.timeout(2000) });
      if (!ui.ok) throw new Error(`Temporal UI answered HTTP ${ui.status}`);
      return;
    } catch (err) {
      lastError = err;
      await sleep(250);
    }
  }
  const why = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`Temporal dev server did not answer within ${timeoutMs / 1000}s (${why}):\n${service.tail()}`);
}

async function frontendAnswers(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } finally {
    await connection.close();
  }
}
