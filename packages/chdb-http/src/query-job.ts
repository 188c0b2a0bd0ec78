import type { ServerResponse } from 'node:http';
import type { EngineConnection } from './engine.ts';
import type { BoundParams } from './native.ts';
import type { ResponseEncoding } from './response-encoding.ts';

/** Everything needed to run one statement and write its answer. */
export interface QueryJob {
  readonly conn: EngineConnection;
  readonly sql: string;
  /** Output format when the SQL names none. */
  readonly defaultFormat: string;
  readonly params: BoundParams;
  readonly waitEndOfQuery: boolean;
  readonly res: ServerResponse;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  readonly encoding: ResponseEncoding | undefined;
  readonly compressionLevel: number | undefined;
  /** Headers every answer carries (query id, timezone). */
  readonly headers: Readonly<Record<string, string>>;
  readonly version: string;
}
