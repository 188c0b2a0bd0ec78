import type { Readable } from 'node:stream';
import { coalesce } from './coalesce.ts';
import type { EngineConnection } from './engine.ts';
import { inputFormat } from './formats.ts';
import { rowChunks } from './insert-chunks.ts';
import type { NativeWriteResult } from './native.ts';

/** Rows and bytes an insert wrote, for the X-ClickHouse-Summary header. */
export interface WriteTotals {
  rows: number;
  bytes: number;
}

const add = (totals: WriteTotals, r: NativeWriteResult) => {
  totals.rows += r.rowsWritten;
  totals.bytes += r.bytesWritten;
};

/**
 * Feed an `INSERT ... FORMAT X` body to the engine chunk by chunk. One chunk is in the
 * engine while the next is read from the socket, so memory stays at about two chunks and
 * a fast client is slowed to the engine's pace. Like a ClickHouse server, chunks already
 * written stay written when a later one fails.
 */
export async function runInsert(
  conn: EngineConnection,
  sql: string,
  format: string,
  body: Readable,
  chunkBytes: number,
): Promise<WriteTotals> {
  const totals: WriteTotals = { rows: 0, bytes: 0 };
  const { split, headerRows } = inputFormat(format);
  let pending: Promise<void> | undefined;
  let failure: unknown;
  const source = coalesce(body, 64 * 1024);
  try {
    for await (const chunk of rowChunks(source, { split, headerRows, chunkBytes })) {
      if (pending !== undefined) await pending;
      if (failure !== undefined) break;
      // Rejections are caught at once: an unobserved one would take the process down.
      pending = conn.insert(sql, chunk).then((r) => add(totals, r), (err: unknown) => void (failure = err));
    }
  } finally {
    // Even when the client vanished mid-body, the chunk in the engine finishes first.
    if (pending !== undefined) await pending;
  }
  if (failure !== undefined) throw failure;
  return totals;
}
