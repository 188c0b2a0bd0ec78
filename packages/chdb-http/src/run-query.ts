import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { contentType, outputFormat } from './formats.ts';
import type { QueryJob } from './query-job.ts';
import { summaryHeader } from './response.ts';
import type { ResponseEncoding } from './response-encoding.ts';
import { mentionsFormat, statementKind, trailingFormat } from './sql-shape.ts';
import { NotStreamable, streamSelect } from './stream-select.ts';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

function compress(encoding: ResponseEncoding, body: Uint8Array, level = 3): Promise<Buffer> {
  if (encoding === 'br') return brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
  return gzip(body, { level });
}

/** Run one statement (not a data-carrying insert) and write its answer. */
export async function runQuery(job: QueryJob): Promise<void> {
  const kind = statementKind(job.sql);
  if (kind === 'insert') return executeInsert(job);
  const named = trailingFormat(job.sql);
  const format = named ?? job.defaultFormat;
  // Stream only when the output format is certain: a FORMAT the regex missed could be JSON,
  // whose per-block documents cannot be concatenated.
  const certain = named !== undefined || !mentionsFormat(job.sql);
  if (kind === 'select' && !job.waitEndOfQuery && certain && outputFormat(format).streamable) {
    try {
      return await streamSelect(job, format);
    } catch (err) {
      if (!(err instanceof NotStreamable)) throw err;
    }
  }
  return bufferedQuery(job, format);
}

// INSERT ... SELECT / VALUES: run through the entry that reports rows written, which the
// summary (and clickhouse-js's `command().summary.written_rows`) needs. That entry takes no
// bound map; the caller has set the parameters on this request's connection.
async function executeInsert(job: QueryJob): Promise<void> {
  const r = await job.conn.execute(job.sql);
  job.res.writeHead(200, {
    ...job.headers,
    'Content-Length': 0,
    'X-ClickHouse-Summary': summaryHeader({
      readRows: r.rowsWritten, readBytes: r.bytesWritten, writtenRows: r.rowsWritten,
      writtenBytes: r.bytesWritten, elapsedSeconds: r.elapsed,
    }),
  });
  job.res.end();
}

async function bufferedQuery(job: QueryJob, format: string): Promise<void> {
  const r = await job.conn.query(job.sql, format, job.params);
  let body: Uint8Array = r.bytes;
  const encoded = job.encoding !== undefined && body.length > 0;
  if (encoded) body = await compress(job.encoding!, body, job.compressionLevel);
  job.res.writeHead(200, {
    ...job.headers,
    'Content-Type': contentType(format),
    'Content-Length': body.length,
    'X-ClickHouse-Format': format,
    'X-ClickHouse-Summary': summaryHeader({
      readRows: r.rowsRead, readBytes: r.bytesRead, resultRows: r.rowsRead,
      resultBytes: r.bytes.length, elapsedSeconds: r.elapsed,
    }),
    ...(encoded ? { 'Content-Encoding': job.encoding } : {}),
  });
  job.res.end(body);
}
