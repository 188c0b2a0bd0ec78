import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceHandle } from './child-service.ts';
import { embeddedPostgresDir, loadEmbeddedPostgres } from './embedded-postgres-module.ts';
import { clusterPassword, createDatabaseIfMissing } from './postgres-cluster.ts';
import { assertReachableByOtherUsers, stateLayout } from './state-dir.ts';
import type { Watchdog } from './watchdog.ts';

/** Options for startEmbeddedPostgres. */
export interface EmbeddedPostgresOptions {
  readonly stateDir: string;
  readonly port: number;
  readonly log: (message: string) => void;
  /** Database created when missing; the URL points at it. */
  readonly database?: string;
  readonly watchdog?: Watchdog | undefined;
}

/** A running embedded PostgreSQL. */
export interface EmbeddedPostgres extends ServiceHandle {
  /** postgres://postgres:…@127.0.0.1:port/adpipe */
  readonly url: string;
}

// Laptop-sized settings; timezone UTC because the OLTP timestamps are UTC without a zone.
const serverSettings = {
  listen_addresses: '127.0.0.1',
  unix_socket_directories: '', // TCP on loopback only: no socket files in shared /tmp
  timezone: 'UTC',
  log_timezone: 'UTC',
  max_connections: '200',
  shared_buffers: '128MB',
};

/**
 * Start PostgreSQL from the embedded-postgres binaries with data in
 * `<stateDir>/postgres`, initialising the cluster only when it does not exist yet.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { stateDir, port } = options;
  const layout = stateLayout(stateDir);
  const dataDir = layout.postgresData;
  const isRoot = process.getuid?.() === 0;
  fs.mkdirSync(layout.logs, { recursive: true, mode: 0o755 });
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as user "postgres".
  if (isRoot) {
    assertReachableByOtherUsers(stateDir, 'Use a state directory every user can reach (ADPIPE_STATE_DIR or --state-dir, e.g. /var/tmp/adpipe)');
    assertReachableByOtherUsers(embeddedPostgresDir(), 'Put the repository where every user can read it (e.g. under /opt or /srv)');
  }
  const logFile = fs.createWriteStream(layout.log('postgres'), { flags: 'a' });
  const tail: string[] = [];
  const record = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message);
    logFile.write(text.endsWith('\n') ? text : `${text}\n`);
    tail.push(...text.trim().split('\n'));
    tail.splice(0, Math.max(0, tail.length - 15));
  };
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const password = clusterPassword(stateDir, fresh);
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: Object.entries(serverSettings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: record,
    onError: record,
  });
  if (fresh) {
    options.log(`Initialising PostgreSQL in ${dataDir}`);
    await server.initialise().catch((err: unknown) => {
      fs.rmSync(dataDir, { recursive: true, force: true }); // a half-made cluster would never start
      throw new Error(`PostgreSQL initdb failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
  // embedded-postgres keeps the server process private; we need it for the pid and a stop that cannot hang.
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  const running = () => child() !== undefined && child()!.exitCode === null && child()!.signalCode === null;
  await server.start().catch(() => {
    logFile.end();
    throw new Error(`PostgreSQL did not start on port ${port}:\n${tail.join('\n')}`);
  });
  const pid = child()?.pid ?? -1;
  // Not its group: embedded-postgres spawns it in ours. SIGINT is PostgreSQL's fast shutdown.
  options.watchdog?.watch(pid, 'SIGINT', false);
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/${options.database ?? 'adpipe'}`;
  const handle: EmbeddedPostgres = {
    name: 'postgres',
    pid,
    url,
    async stop() {
      if (running()) {
        const timer = setTimeout(() => child()?.kill('SIGKILL'), 30_000);
        await server.stop(); // SIGINT: fast shutdown, then waits for the exit
        clearTimeout(timer);
      }
      options.watchdog?.unwatch(pid);
      logFile.end();
    },
  };
  try {
    await createDatabaseIfMissing(url, options.database ?? 'adpipe');
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return handle;
}
