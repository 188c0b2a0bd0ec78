import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';

/**
 * Stream COPY text (tab-separated, newline-terminated rows) into `COPY ... FROM STDIN`
 * with backpressure; returns the rows the server counted. Runs in the client's current
 * transaction, so column defaults (adpipe_xid) and constraints apply as for INSERT.
 */
export async function copyFromText(
  client: pg.ClientBase,
  copySql: string,
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<number> {
  const sink = client.query(copyStreams.from(copySql));
  await pipeline(Readable.from(chunks, { objectMode: false }), sink);
  return sink.rowCount;
}
