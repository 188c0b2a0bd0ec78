import { createRequire } from 'node:module';
import path from 'node:path';

/** Output of a buffered statement: the formatted bytes plus engine counters. */
export interface NativeQueryResult {
  readonly bytes: Uint8Array;
  readonly elapsed: number;
  readonly rowsRead: number;
  readonly bytesRead: number;
}

/** Engine-side write counters of a statement run through the raw-insert entry. */
export interface NativeWriteResult {
  readonly elapsed: number;
  readonly rowsWritten: number;
  readonly bytesWritten: number;
}

/** One block of a streamed result; `done` marks the end (the handle is then freed). */
export interface NativeFetch {
  readonly bytes: Uint8Array;
  readonly numRows: number;
  readonly done: boolean;
}

/** Parameter values in ClickHouse's text form, exactly as HTTP clients send `param_*`. */
export type BoundParams = Readonly<Record<string, string>>;

/** The connection-level calls of chdb's addon that this server drives. */
export interface ChdbNative {
  QueryAsyncConnection(conn: unknown, sql: string, format: string, params?: BoundParams): Promise<NativeQueryResult>;
  InsertRawAsyncConnection(conn: unknown, sql: string, data: Buffer, countLines: boolean): Promise<NativeWriteResult>;
  StreamQuery(conn: unknown, sql: string, format: string, params?: BoundParams): unknown;
  StreamFetch(handle: unknown): Promise<NativeFetch>;
  StreamCancel(handle: unknown): void;
}

const REQUIRED = ['QueryAsyncConnection', 'InsertRawAsyncConnection', 'StreamQuery', 'StreamFetch', 'StreamCancel'];

/**
 * Load the addon through chdb's own loader (same cached module as `Session` uses).
 *
 * Why not only the public API: HTTP clients send `param_x` already in ClickHouse's text
 * form (`it\'s`, `['a','b']`), but `queryBindAsync` re-serialises JS values and would
 * escape them twice; it also funnels every parameterised query through one process-wide
 * lock. The addon's connection calls bind the text verbatim (server-side, never spliced
 * into SQL), and its raw-insert entry reports rows written, which HTTP's summary needs.
 */
export function loadChdbNative(): ChdbNative {
  const require = createRequire(import.meta.url);
  const chdbDir = path.dirname(require.resolve('chdb'));
  const loader = require(path.join(chdbDir, 'dist', 'loader.js')) as { loadNative(): Record<string, unknown> };
  const addon = loader.loadNative();
  const missing = REQUIRED.filter((name) => typeof addon[name] !== 'function');
  if (missing.length > 0) {
    const { version } = require('chdb/package.json') as { version: string };
    throw new Error(`chdb ${version} lacks ${missing.join(', ')}; @adpipe/chdb-http was built against chdb 3.4`);
  }
  return addon as unknown as ChdbNative;
}
