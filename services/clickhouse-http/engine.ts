import { Session } from 'chdb';
import { loadChdbNative, type BoundParams, type ChdbNative, type NativeQueryResult, type NativeWriteResult } from './native.ts';

/** One engine connection, used by one request at a time and closed after it. */
export interface EngineConnection {
  /** Run a statement and return its whole formatted output. */
  query(sql: string, format: string, params: BoundParams): Promise<NativeQueryResult>;
  /** Run a statement without output (DDL, INSERT ... SELECT) and count the rows it wrote. */
  execute(sql: string): Promise<NativeWriteResult>;
  /** `INSERT ... FORMAT X` with `data` as its payload. */
  insert(sql: string, data: Buffer): Promise<NativeWriteResult>;
  /** Stream a SELECT's output block by block; throws at once if the engine cannot stream it. */
  stream(sql: string, format: string, params: BoundParams): AsyncGenerator<Uint8Array>;
  close(): void;
}

/** The embedded ClickHouse engine bound to one data directory. */
export interface Engine {
  readonly version: string;
  readonly timezone: string;
  connect(): EngineConnection;
  /** Wait for every native call still running, then release the data directory. */
  close(): Promise<void>;
}

/** Open chdb on `dataDir` (locks it against other processes). */
export async function openEngine(dataDir: string): Promise<Engine> {
  const native = loadChdbNative();
  const inflight = new Set<Promise<unknown>>();
  // Every native promise is awaited before its connection closes: closing a connection
  // under a running call aborts the whole in-process engine.
  const track = <T>(p: Promise<T>): Promise<T> => {
    const settled = p.then(() => undefined, () => undefined);
    inflight.add(settled);
    void settled.then(() => inflight.delete(settled));
    return p;
  };
  let base: Session;
  try {
    base = new Session(dataDir);
  } catch (err) {
    // libchdb locks the directory per process; its own message is often just "Failed to create connection".
    throw new Error(`cannot open chdb data directory ${dataDir}; is another process using it? (${(err as Error).message})`);
  }
  const info = await native.QueryAsyncConnection(base.connection, 'SELECT version(), timezone()', 'TabSeparated');
  const [version = 'unknown', timezone = 'UTC'] = Buffer.from(info.bytes).toString().trim().split('\t');
  return {
    version,
    timezone,
    connect: () => connect(native, new Session(dataDir), track),
    async close() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
      base.close();
    },
  };
}

function connect(native: ChdbNative, session: Session, track: <T>(p: Promise<T>) => Promise<T>): EngineConnection {
  const conn = session.connection;
  return {
    query: (sql, format, params) => track(native.QueryAsyncConnection(conn, sql, format, bound(params))),
    // The raw-insert entry runs any statement and, unlike a query, reports rows written.
    execute: (sql) => track(native.InsertRawAsyncConnection(conn, sql, Buffer.alloc(0), false)),
    insert: (sql, data) => track(native.InsertRawAsyncConnection(conn, sql, data, false)),
    stream: (sql, format, params) => streamBlocks(native, native.StreamQuery(conn, sql, format, bound(params)), track),
    close: () => session.close(),
  };
}

// Without parameters, take the addon's plain path rather than an empty binding.
const bound = (params: BoundParams): BoundParams | undefined => (Object.keys(params).length > 0 ? params : undefined);

// An async generator never runs `finally` while a fetch is pending, so a cancel from
// an early `return()` waits for the fetch instead of freeing the handle under it.
async function* streamBlocks(native: ChdbNative, handle: unknown, track: <T>(p: Promise<T>) => Promise<T>) {
  let open = true;
  try {
    for (;;) {
      let block;
      try {
        block = await track(native.StreamFetch(handle));
      } catch (err) {
        open = false; // a failed fetch has already released the handle
        throw err;
      }
      if (block.done) {
        open = false;
        return;
      }
      yield block.bytes;
    }
  } finally {
    if (open) native.StreamCancel(handle);
  }
}
