import fs from 'node:fs';
import path from 'node:path';
import type { Config, EmbeddedPorts } from '../lib/config.ts';
import type { ServicesFile } from '../lib/endpoints.ts';
import type { ServiceHandle } from './child-service.ts';
import { startEmbeddedClickHouse } from './embedded-clickhouse.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { assertPortsFree, type PortRequest } from './ports.ts';
import { readLiveServicesFile, removeServicesFile, writeServicesFile } from './services-file.ts';
import { ensureTemporalCli } from './temporal-cli.ts';
import { startTemporalDevServer } from './temporal-dev-server.ts';
import { startWatchdog } from './watchdog.ts';

/** Options for startEmbeddedStack; ports and stateDir override the config's. */
export interface StartEmbeddedStackOptions {
  readonly config: Config;
  readonly ports?: Partial<EmbeddedPorts>;
  readonly stateDir?: string;
  readonly log: (message: string) => void;
  /** Another implementation of the ClickHouse HTTP service contract (development only). */
  readonly clickhouseEntry?: string;
}

/** Addresses of the running stack: the content of services.json without the pid. */
export type StackEndpoints = Omit<ServicesFile, 'pid'>;

/** A running embedded stack. */
export interface EmbeddedStack {
  readonly endpoints: StackEndpoints;
  readonly stateDir: string;
  /** Server pids (and the watchdog's), to check that stop() left nothing behind. */
  readonly pids: Readonly<Record<'postgres' | 'clickhouse' | 'temporal' | 'watchdog', number>>;
  /** Stop every server and remove services.json; safe to call twice. */
  stop(): Promise<void>;
}

/** Which setting moves each port, for error messages. */
export function portRequests(ports: EmbeddedPorts): PortRequest[] {
  return [
    { service: 'PostgreSQL', port: ports.postgres, variable: 'ADPIPE_PG_PORT', flag: '--pg-port' },
    { service: 'ClickHouse', port: ports.clickhouse, variable: 'ADPIPE_CLICKHOUSE_PORT', flag: '--clickhouse-port' },
    { service: 'Temporal', port: ports.temporal, variable: 'ADPIPE_TEMPORAL_PORT', flag: '--temporal-port' },
    { service: 'the Temporal UI', port: ports.temporalUi, variable: 'ADPIPE_TEMPORAL_UI_PORT', flag: '--temporal-ui-port' },
  ];
}

/**
 * Start PostgreSQL, ClickHouse and the Temporal dev server (in parallel), wait
 * until each answers, then write `<stateDir>/services.json`. If one fails the
 * others are stopped. The servers die with this process (see watchdog.ts).
 */
export async function startEmbeddedStack(options: StartEmbeddedStackOptions): Promise<EmbeddedStack> {
  const { config, log } = options;
  const stateDir = path.resolve(options.stateDir ?? config.stateDir);
  const ports: EmbeddedPorts = { ...config.ports, ...options.ports };
  const running = readLiveServicesFile(stateDir);
  if (running) {
    throw new Error(`an embedded stack (pid ${running.pid}) is already running from ${stateDir}; stop it first or use another state directory`);
  }
  await assertPortsFree(portRequests(ports));
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o755 });
  const temporalBinary = await ensureTemporalCli({ cacheDir: config.cacheDir, log });
  const watchdog = startWatchdog();
  const timed = <T>(label: string, start: Promise<T>, where: (t: T) => string): Promise<T> => {
    const t0 = Date.now();
    return start.then((t) => (log(`${label} ready at ${where(t)} (${((Date.now() - t0) / 1000).toFixed(1)}s)`), t));
  };
  const results = await Promise.allSettled([
    timed('PostgreSQL', startEmbeddedPostgres({ stateDir, port: ports.postgres, log, watchdog }), (s) => s.url.replace(/:[^:@/]+@/, ':…@')),
    timed('ClickHouse', startEmbeddedClickHouse({ stateDir, port: ports.clickhouse, password: config.clickhousePassword, entry: options.clickhouseEntry, watchdog }), (s) => s.url),
    timed('Temporal', startTemporalDevServer({ binary: temporalBinary, stateDir, port: ports.temporal, uiPort: ports.temporalUi, namespace: config.temporalNamespace, watchdog }), (s) => `${s.address}, UI ${s.uiUrl}`),
  ] as const);
  const value = <T>(r: PromiseSettledResult<T>): T | undefined => (r.status === 'fulfilled' ? r.value : undefined);
  const [pg, ch, temporal] = [value(results[0]), value(results[1]), value(results[2])];
  const started: ServiceHandle[] = [pg, ch, temporal].filter((s) => s !== undefined);
  const stopAll = async () => {
    await Promise.allSettled(started.map((s) => s.stop()));
    watchdog.close();
  };
  if (!pg || !ch || !temporal) {
    await stopAll();
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
    throw new Error(`the embedded stack did not start: ${reasons.join('\n')}`);
  }
  const endpoints: StackEndpoints = { databaseUrl: pg.url, clickhouseUrl: ch.url, temporalAddress: temporal.address, temporalUiUrl: temporal.uiUrl };
  writeServicesFile(stateDir, { pid: process.pid, ...endpoints });
  let stopping: Promise<void> | undefined;
  return {
    endpoints,
    stateDir,
    pids: { postgres: pg.pid, clickhouse: ch.pid, temporal: temporal.pid, watchdog: watchdog.pid },
    stop: () => {
      stopping ??= (async () => {
        removeServicesFile(stateDir); // first: nobody should pick up addresses that are going away
        await stopAll();
      })();
      return stopping;
    },
  };
}
