import { randomBytes } from 'node:crypto';
import { errorBody, toClickHouseHttpError } from './errors.ts';
import { contentType, outputFormat } from './formats.ts';
import type { QueryJob } from './query-job.ts';
import { BodyWriter, summaryHeader } from './response.ts';
import { createEncoder } from './response-encoding.ts';

/** Thrown when the engine refuses to stream a statement; the caller buffers it instead. */
export class NotStreamable extends Error {}

// Each block is a complete piece of output: WithNames formats repeat their header rows.
function dropHeaderRows(block: Uint8Array, rows: number): Uint8Array {
  const bytes = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  let offset = 0;
  for (let i = 0; i < rows; i += 1) {
    const nl = bytes.indexOf(0x0a, offset);
    if (nl < 0) return block.subarray(block.length);
    offset = nl + 1;
  }
  return block.subarray(offset);
}

// The trailer clickhouse-js (>= 1.13, servers >= 25.11) recognises as an error after a 200.
function exceptionTrailer(err: unknown, version: string, tag: string): string {
  const message = errorBody(toClickHouseHttpError(err), version).trimEnd().replace(/\r/g, ' ');
  return `${message}\n${Buffer.byteLength(message) + 1} __exception__\r\n${tag}\r\n`;
}

/**
 * Stream a SELECT's blocks to the client as the engine produces them. The first block is
 * awaited before any header goes out, so errors found while planning (unknown table,
 * bad parameter) still get their HTTP status; a later error ends the body with the
 * exception trailer. A client that leaves cancels the engine's stream.
 */
export async function streamSelect(job: QueryJob, format: string): Promise<void> {
  let blocks: AsyncGenerator<Uint8Array>;
  try {
    blocks = job.conn.stream(job.sql, format, job.params);
  } catch (err) {
    if (toClickHouseHttpError(err).code === 36) throw new NotStreamable(); // "Streaming query is not supported"
    throw err;
  }
  try {
    let first = await blocks.next();
    while (first.done !== true && first.value.length === 0) first = await blocks.next();
    const tag = randomBytes(8).toString('hex');
    const hasBody = first.done !== true && first.value.length > 0;
    job.res.writeHead(200, {
      ...job.headers,
      'Content-Type': contentType(format),
      'X-ClickHouse-Format': format,
      'X-ClickHouse-Summary': summaryHeader({}),
      'X-ClickHouse-Exception-Tag': tag,
      ...(hasBody && job.encoding ? { 'Content-Encoding': job.encoding } : {}),
      ...(hasBody ? {} : { 'Content-Length': 0 }),
    });
    if (!hasBody) return void job.res.end();
    const encoder = job.encoding ? createEncoder(job.encoding, job.compressionLevel) : undefined;
    const writer = new BodyWriter(job.res, job.signal, encoder);
    const { headerRows } = outputFormat(format);
    try {
      await writer.write(first.value as Uint8Array);
      for await (const block of blocks) {
        const rows = dropHeaderRows(block, headerRows);
        if (rows.length > 0) await writer.write(rows);
      }
    } catch (err) {
      if (job.signal.aborted) return;
      await writer.write(exceptionTrailer(err, job.version, tag)).catch(() => undefined);
    }
    await writer.end();
  } finally {
    await blocks.return(undefined); // cancels the engine stream unless it already ended
  }
}
