/**
 * The embedded ClickHouse server as a process:
 *   node --import tsx packages/chdb-http/src/main.ts --data-dir DIR --port N [--host 127.0.0.1]
 * Password from CLICKHOUSE_PASSWORD, user from CLICKHOUSE_USER (default `default`).
 * When ready it prints exactly one line to stdout: {"listening":"http://127.0.0.1:PORT"};
 * logs go to stderr as JSON lines. SIGTERM/SIGINT: drain, release chdb, exit 0.
 * Exit 1 when it cannot start (port taken, data directory locked), 2 on bad flags.
 */
import { parseArgs } from 'node:util';
import { relaunchWithThreadPool, stopWithParent } from './thread-pool.ts';

const log = (msg: string, attrs: Record<string, unknown> = {}) =>
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), service: 'chdb-http', msg, ...attrs })}\n`);

function flags(): { dataDir: string; port: number; host: string } {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!values['data-dir']) throw new TypeError('--data-dir is required');
  if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError('--port must be a port number (0 picks a free one)');
  }
  return { dataDir: values['data-dir'], port, host: values.host ?? '127.0.0.1' };
}

async function serve(): Promise<number> {
  let options;
  try {
    options = flags();
  } catch (err) {
    process.stderr.write(`chdb-http: ${(err as Error).message}\nusage: main.ts --data-dir DIR --port N [--host 127.0.0.1]\n`);
    return 2;
  }
  // Loaded only here: the relaying parent never maps the engine library.
  const { startClickHouseHttp } = await import('./server.ts');
  let server;
  try {
    server = await startClickHouseHttp({
      ...options,
      user: process.env.CLICKHOUSE_USER || 'default',
      password: process.env.CLICKHOUSE_PASSWORD ?? '',
      drainTimeoutMs: 5_000,
      log,
    });
  } catch (err) {
    process.stderr.write(`chdb-http: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ listening: server.url })}\n`);
  log('listening', { url: server.url, dataDir: options.dataDir, threadPool: process.env.UV_THREADPOOL_SIZE ?? '4' });
  const reason = await new Promise<string>((resolve) => {
    // Listeners stay: a terminal's Ctrl+C reaches the relaying parent too, which forwards
    // it again, and that second signal must not kill the drain half-way.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => resolve(signal));
    stopWithParent(() => resolve('parent exited'));
  });
  log('stopping', { reason });
  setTimeout(() => {
    log('engine calls still running after 60 s; exiting anyway');
    process.exit(1);
  }, 60_000).unref();
  await server.close();
  log('stopped');
  return 0;
}

const relayed = relaunchWithThreadPool(16);
process.exitCode = await (relayed ?? serve());
