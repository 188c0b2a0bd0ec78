import { Session } from 'chdb';
import { loadChdbNative, type BoundParams, type ChdbNative, type NativeQueryResult, type NativeWriteResult } from './native.ts';
import { streamBlocks } from './stream-blocks.ts';
import { Tracker } from './tracker.ts';

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
  /** Release the connection once its running calls have settled; open streams are cancelled. */
  close(): void;
}

/** The embedded ClickHouse engine bound to one data directory. */
export interface Engine {
  readonly version: string;
  readonly timezone: string;
  connect(): EngineConnection;
  /** Wait for every native call and connection release, then release the data directory. */
  close(): Promise<void>;
}

/**
 * Load every database before the first query: by default chdb loads them in the
 * background, and a query right after a restart fails with "Database … does not exist".
 */
const engineArgs = ['--async_load_databases=0', '--async_load_system_database=0'];

/** Open chdb on `dataDir` (locks it against other processes). */
export async function openEngine(dataDir: string): Promise<Engine> {
  const native = loadChdbNative();
  const all = new Tracker();
  let base: Session;
  try {
    base = new Session(dataDir, { connectionArgs: engineArgs });
  } catch (err) {
    // libchdb locks the directory per process; its own message is often just "Failed to create connection".
    throw new Error(`cannot open chdb data directory ${dataDir}; is another process using it? (${(err as Error).message})`);
  }
  const info = await native.QueryAsyncConnection(base.connection, 'SELECT version(), timezone()', 'TabSeparated');
  const [version = 'unknown', timezone = 'UTC'] = Buffer.from(info.bytes).toString().trim().split('\t');
  return {
    version,
    timezone,
    connect: () => connect(native, new Session(dataDir, { connectionArgs: engineArgs }), all),
    async close() {
      await all.drain();
      base.close();
    },
  };
}

// Without parameters, take the addon's plain path rather than an empty binding.
const bound = (params: BoundParams): BoundParams | undefined => (Object.keys(params).length > 0 ? params : undefined);

function connect(native: ChdbNative, session: Session, all: Tracker): EngineConnection {
  const conn = session.connection;
  const mine = new Tracker();
  const track = <T>(p: Promise<T>) => all.track(mine.track(p));
  const openStreams = new Set<unknown>();
  return {
    query: (sql, format, params) => track(native.QueryAsyncConnection(conn, sql, format, bound(params))),
    // The raw-insert entry runs any statement and, unlike a query, reports rows written.
    execute: (sql) => track(native.InsertRawAsyncConnection(conn, sql, Buffer.alloc(0), false)),
    insert: (sql, data) => track(native.InsertRawAsyncConnection(conn, sql, data, false)),
    stream: (sql, format, params) => {
      const handle = native.StreamQuery(conn, sql, format, bound(params));
      openStreams.add(handle);
      return streamBlocks(native, handle, track, () => openStreams.delete(handle));
    },
    close: () => {
      const release = mine.drain().then(() => {
        for (const handle of openStreams) native.StreamCancel(handle); // a stream never iterated
        session.close();
      });
      void all.track(release);
    },
  };
}
