import { once } from 'node:events';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { finished, type Transform, type Writable } from 'node:stream';
import { errorBody, type ClickHouseHttpError } from './errors.ts';
import { httpStatusFor } from './http-status.ts';

/** Engine counters for the X-ClickHouse-Summary header. */
export interface Summary {
  readonly readRows?: number;
  readonly readBytes?: number;
  readonly writtenRows?: number;
  readonly writtenBytes?: number;
  readonly resultRows?: number;
  readonly resultBytes?: number;
  readonly elapsedSeconds?: number;
}

/** X-ClickHouse-Summary as ClickHouse writes it: every counter a decimal string. */
export function summaryHeader(s: Summary): string {
  const n = (v: number | undefined) => String(Math.max(0, Math.round(v ?? 0)));
  return JSON.stringify({
    read_rows: n(s.readRows), read_bytes: n(s.readBytes),
    written_rows: n(s.writtenRows), written_bytes: n(s.writtenBytes),
    total_rows_to_read: '0', result_rows: n(s.resultRows), result_bytes: n(s.resultBytes),
    elapsed_ns: n((s.elapsedSeconds ?? 0) * 1e9),
  });
}

/** Headers every answer to a query carries. */
export const queryHeaders = (queryId: string, timezone: string): Record<string, string> => ({
  'X-ClickHouse-Query-Id': queryId,
  'X-ClickHouse-Timezone': timezone,
  'X-ClickHouse-Server-Display-Name': 'chdb',
});

/** Answer with ClickHouse's error status, code header and `Code: n. DB::Exception: ...` body. */
export function sendError(res: ServerResponse, err: ClickHouseHttpError, version: string, headers: OutgoingHttpHeaders = {}): void {
  if (res.headersSent || res.destroyed) return;
  const body = errorBody(err, version);
  res.writeHead(httpStatusFor(err.code), {
    ...headers,
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Length': Buffer.byteLength(body),
    'X-ClickHouse-Exception-Code': String(err.code),
    ...(err.code === 194 ? { 'WWW-Authenticate': 'Basic realm="ClickHouse server HTTP API"' } : {}),
  });
  res.end(body);
}

/** Writes a response body with backpressure, through a compressor when there is one. */
export class BodyWriter {
  private readonly target: Writable;
  constructor(private readonly res: ServerResponse, private readonly signal: AbortSignal, encoder?: Transform) {
    this.target = encoder ?? res;
    // Errors surface through write()/end() and the signal; a bare pipe avoids destroying res early.
    if (encoder !== undefined) encoder.on('error', () => res.destroy()).pipe(res);
  }

  /** Write one piece; waits while the client is slower than the engine. */
  async write(chunk: Uint8Array | string): Promise<void> {
    if (this.signal.aborted) throw new Error('client went away');
    if (!this.target.write(chunk)) await once(this.target, 'drain', { signal: this.signal });
  }

  /** Finish the body and wait until it is handed to the socket. */
  async end(): Promise<void> {
    this.target.end();
    await new Promise<void>((resolve) => finished(this.res, () => resolve()));
  }
}
