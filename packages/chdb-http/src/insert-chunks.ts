import type { RowSplit } from './formats.ts';
import { lastRowEnd, rowsEnd } from './row-boundaries.ts';

/** How to cut an insert body. */
export interface ChunkPlan {
  readonly split: RowSplit;
  readonly headerRows: number;
  /** Target chunk size; a single row larger than this makes its chunk larger. */
  readonly chunkBytes: number;
}

/**
 * Cut a body into chunks that each start and end on a row boundary, so every chunk is a
 * valid payload for the same `INSERT ... FORMAT X`. Header rows (WithNames formats) are
 * repeated at the head of every chunk. Memory stays near one chunk whatever the body size;
 * a 'whole' split yields the body once, for formats that cannot be cut.
 */
export async function* rowChunks(body: AsyncIterable<Buffer>, plan: ChunkPlan): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  let header: Buffer | undefined;
  const withHeader = (rows: Buffer) => (header === undefined ? rows : Buffer.concat([header, rows]));

  for await (const part of body) {
    parts.push(part);
    size += part.length;
    if (plan.split === 'whole' || size < plan.chunkBytes) continue;
    const buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    let start = 0;
    if (header === undefined && plan.headerRows > 0) {
      const end = rowsEnd(buf, plan.split, plan.headerRows);
      if (end < 0) {
        parts = [buf];
        continue;
      }
      header = buf.subarray(0, end);
      start = end;
    }
    const cut = lastRowEnd(buf.subarray(start), plan.split);
    if (cut === 0) {
      parts = [buf]; // one row larger than a chunk: keep reading until it ends
      continue;
    }
    const rows = buf.subarray(start, start + cut);
    parts = [buf.subarray(start + cut)];
    size = parts[0]!.length;
    // The first chunk still begins with its header rows, which were cut off above.
    yield start > 0 ? buf.subarray(0, start + cut) : withHeader(rows);
  }
  const rest = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
  if (hasContent(rest)) yield withHeader(rest);
}

// Trailing blank lines are not a row; an INSERT of nothing but them fails in the engine.
function hasContent(buf: Buffer | undefined): boolean {
  if (buf === undefined) return false;
  for (const b of buf) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
  return false;
}
