import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { openEngine } from './engine.ts';
import { Limiter } from './limiter.ts';
import { listen } from './listen.ts';
import { createRouter } from './router.ts';

/** Options of {@link startClickHouseHttp}. */
export interface ClickHouseHttpOptions {
  /** chdb data directory; created if missing, locked to this process while open. */
  readonly dataDir: string;
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Loopback address to bind (default 127.0.0.1); the engine can read local files, so never a public one. */
  readonly host?: string;
  readonly user?: string;
  /** When set, every query must carry it; when empty, any request for `user` is accepted. */
  readonly password?: string;
  readonly log?: (msg: string, attrs: Record<string, unknown>) => void;
  /** Requests running in the engine at once; later ones queue (default 32). */
  readonly maxConcurrentQueries?: number;
  /** How long close() lets running requests finish before cutting them off (default 10 s). */
  readonly drainTimeoutMs?: number;
  /** Insert bodies reach the engine in row-aligned chunks of about this size (default 8 MiB). */
  readonly insertChunkBytes?: number;
}

/** A running server. */
export interface ClickHouseHttp {
  readonly url: string;
  readonly port: number;
  /** Stop accepting, let requests finish (or abort them after the drain timeout), release chdb. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Serve the embedded ClickHouse engine (chdb) over ClickHouse's HTTP interface. */
export async function startClickHouseHttp(options: ClickHouseHttpOptions): Promise<ClickHouseHttp> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`chdb-http binds to loopback only; refusing host ${host}`);
  const log = options.log ?? (() => {});
  await mkdir(options.dataDir, { recursive: true });
  const engine = await openEngine(options.dataDir);
  const router = createRouter({
    engine,
    account: { user: options.user ?? 'default', password: options.password ?? '' },
    limiter: new Limiter(options.maxConcurrentQueries ?? 32),
    maxQueryBytes: 256 * 1024 * 1024,
    insertChunkBytes: options.insertChunkBytes ?? 8 * 1024 * 1024,
    log,
  });
  // Long uploads and long INSERT ... SELECTs must not hit Node's default 5-minute request
  // timeout; long GET queries need more than Node's 16 KiB of URL (ClickHouse allows 1 MiB).
  const server = http.createServer({ requestTimeout: 0, maxHeaderSize: 1024 * 1024 });
  const inflight = new Set<Promise<void>>();
  server.on('request', (req, res) => {
    const done = router(req, res).catch((err: unknown) => {
      log('request failed', { error: String(err) });
      res.destroy();
    });
    inflight.add(done);
    void done.finally(() => inflight.delete(done));
  });
  try {
    await listen(server, options.port, host);
  } catch (err) {
    await engine.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = async () => {
    server.close();
    server.closeIdleConnections();
    const drained = Promise.allSettled([...inflight]);
    await Promise.race([drained, sleep(options.drainTimeoutMs ?? 10_000, undefined, { ref: false })]);
    server.closeAllConnections(); // aborts what is left; their engine calls still run to the end
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
    await engine.close();
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => (closing ??= close()),
  };
}
