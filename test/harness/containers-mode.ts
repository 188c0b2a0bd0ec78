import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../lib/config.ts';
import { findFreePorts } from '../../services/ports.ts';
import { ensureTemporalCli } from '../../services/temporal-cli.ts';
import { startTemporalDevServer } from '../../services/temporal-dev-server.ts';
import type { StartedTestStack } from './embedded-mode.ts';

const pgPassword = 'adpipe';
const chPassword = 'adpipe';

/** True when a Docker (or compatible) engine answers; cheap when there is obviously none. */
export async function dockerAvailable(): Promise<boolean> {
  const sockets = ['/var/run/docker.sock', path.join(os.homedir(), '.docker/run/docker.sock')];
  const hinted = process.env.DOCKER_HOST || sockets.some((s) => fs.existsSync(s)) || fs.existsSync(path.join(os.homedir(), '.testcontainers.properties'));
  if (!hinted) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL 16 and ClickHouse in containers on one network; Temporal from the CLI's dev server. */
export async function startContainersTestStack(log: (message: string) => void): Promise<StartedTestStack> {
  const { GenericContainer, Network, Wait } = await import('testcontainers');
  const config = loadConfig();
  const network = await new Network().start();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'adpipe-test-'));
  const stops: (() => Promise<unknown>)[] = [async () => network.stop(), async () => fs.rmSync(stateDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  try {
    log('starting postgres:16 and clickhouse-server containers');
    const [pg, ch] = await Promise.all([
      new GenericContainer('postgres:16')
        .withNetwork(network)
        .withNetworkAliases('postgres')
        .withEnvironment({ POSTGRES_PASSWORD: pgPassword, POSTGRES_DB: 'adpipe' })
        .withCommand(['postgres', '-c', 'timezone=UTC', '-c', 'max_connections=200'])
        .withExposedPorts(5432)
        .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
        .start(),
      new GenericContainer('clickhouse/clickhouse-server:25.8')
        .withNetwork(network)
        .withEnvironment({ CLICKHOUSE_PASSWORD: chPassword, CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT: '1' })
        .withExposedPorts(8123)
        .withWaitStrategy(Wait.forHttp('/ping', 8123))
        .start(),
    ]);
    stops.push(() => pg.stop(), () => ch.stop());
    const [port, uiPort] = (await findFreePorts(2)) as [number, number];
    const binary = await ensureTemporalCli({ cacheDir: config.cacheDir, log });
    const temporal = await startTemporalDevServer({ binary, stateDir, port, uiPort, namespace: config.temporalNamespace });
    stops.push(() => temporal.stop());
    return {
      stack: {
        mode: 'testcontainers',
        databaseUrl: `postgres://postgres:${pgPassword}@${pg.getHost()}:${pg.getMappedPort(5432)}/adpipe`,
        databaseUrlForClickhouse: `postgres://postgres:${pgPassword}@postgres:5432/adpipe`,
        clickhouseUrl: `http://${ch.getHost()}:${ch.getMappedPort(8123)}`,
        clickhouseUser: 'default',
        clickhousePassword: chPassword,
        temporalAddress: temporal.address,
        temporalNamespace: config.temporalNamespace,
        temporalUiUrl: temporal.uiUrl,
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
