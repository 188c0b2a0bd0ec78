import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../lib/config.ts';
import type { ServiceHandle } from '../../../services/child-service.ts';
import { startEmbeddedClickHouse } from '../../../services/embedded-clickhouse.ts';
import { startEmbeddedPostgres } from '../../../services/embedded-postgres.ts';
import { findFreePorts } from '../../../services/ports.ts';
import { ensureTemporalCli } from '../../../services/temporal-cli.ts';
import { startTemporalDevServer } from '../../../services/temporal-dev-server.ts';
import { startWatchdog } from '../../../services/watchdog.ts';
import type { StackAddresses } from './fault-pipeline.ts';

/** One of the three servers. */
export type ServiceName = 'postgres' | 'clickhouse' | 'temporal';

/**
 * The embedded servers on their own free ports and state directory, each of which a test
 * may stop and start again (same port, same data) without touching the harness's stack.
 */
export interface PrivateStack {
  readonly addresses: StackAddresses;
  stop(service: ServiceName): Promise<void>;
  start(service: ServiceName): Promise<void>;
  /** Stop everything and remove the state directory. */
  close(): Promise<void>;
}

/** Start PostgreSQL, ClickHouse and Temporal privately (ClickHouse password optional). */
export async function startPrivateStack(log: (m: string) => void, opts: { clickhousePassword?: string } = {}): Promise<PrivateStack> {
  const config = loadConfig();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'adpipe-private-'));
  fs.chmodSync(stateDir, 0o755); // as root, PostgreSQL runs as "postgres" and must enter it
  const [pgPort, chPort, tPort, uiPort] = (await findFreePorts(4)) as [number, number, number, number];
  const binary = await ensureTemporalCli({ cacheDir: config.cacheDir, log });
  const watchdog = startWatchdog(); // servers die with this process even if it is killed
  const password = opts.clickhousePassword ?? '';
  const starters: Record<ServiceName, () => Promise<ServiceHandle & { url?: string }>> = {
    postgres: () => startEmbeddedPostgres({ stateDir, port: pgPort, log, watchdog }),
    clickhouse: () => startEmbeddedClickHouse({ stateDir, port: chPort, password, watchdog }),
    temporal: () => startTemporalDevServer({ binary, stateDir, port: tPort, uiPort, namespace: 'default', watchdog }),
  };
  const running = new Map<ServiceName, ServiceHandle & { url?: string }>();
  const start = async (s: ServiceName) => void running.set(s, await starters[s]());
  const stop = async (s: ServiceName) => {
    await running.get(s)?.stop();
    running.delete(s);
  };
  const close = async () => {
    await Promise.allSettled([...running.keys()].map(stop));
    watchdog.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await Promise.all((['postgres', 'clickhouse', 'temporal'] as const).map(start));
  } catch (err) {
    await close();
    throw err;
  }
  return {
    addresses: {
      databaseUrl: running.get('postgres')!.url!,
      clickhouseUrl: running.get('clickhouse')!.url!,
      clickhouseUser: 'default',
      clickhousePassword: password,
      temporalAddress: `127.0.0.1:${tPort}`,
      temporalNamespace: 'default',
    },
    stop,
    start,
    close,
  };
}
