import type { RowSplit } from './formats.ts';

const NL = 0x0a;
const QUOTE = 0x22;
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0d || b === NL;

// A newline ends a JSON row when it sits between a closed value and the next opened one.
// Raw newlines cannot occur inside JSON strings, and "}\n{" inside a value would need a comma.
function jsonBoundary(buf: Buffer, nl: number): boolean {
  let before = nl - 1;
  while (before >= 0 && isSpace(buf[before])) before -= 1;
  let after = nl + 1;
  while (after < buf.length && isSpace(buf[after])) after += 1;
  const prev = buf[before];
  const next = buf[after];
  return (prev === 0x7d || prev === 0x5d) && (next === 0x7b || next === 0x5b);
}

// CSV quotes fields that hold newlines, doubling inner quotes: a newline ends a row
// exactly when an even number of quotes precedes it (buf starts at a row start).
function csvRowEnds(buf: Buffer): number[] {
  const ends: number[] = [];
  let quotes = 0;
  for (let i = 0; i < buf.length; i += 1) {
    const b = buf[i];
    if (b === QUOTE) quotes += 1;
    else if (b === NL && quotes % 2 === 0) ends.push(i + 1);
  }
  return ends;
}

/** Offset just past the last complete row in `buf` (which starts at a row start), or 0. */
export function lastRowEnd(buf: Buffer, split: RowSplit): number {
  if (split === 'lines' || (split === 'csv' && !buf.includes(QUOTE))) return buf.lastIndexOf(NL) + 1;
  if (split === 'csv') return csvRowEnds(buf).at(-1) ?? 0;
  if (split === 'json') {
    for (let nl = buf.lastIndexOf(NL); nl > 0; nl = buf.lastIndexOf(NL, nl - 1)) {
      if (jsonBoundary(buf, nl)) return nl + 1;
    }
  }
  return 0;
}

/** Offset just past the first `rows` rows of `buf`, or -1 when it holds fewer. */
export function rowsEnd(buf: Buffer, split: RowSplit, rows: number): number {
  if (rows === 0) return 0;
  if (split === 'csv') return csvRowEnds(buf)[rows - 1] ?? -1;
  let seen = 0;
  for (let nl = buf.indexOf(NL); nl >= 0; nl = buf.indexOf(NL, nl + 1)) {
    // A header row is followed by data, so only the end of the buffer leaves it unknown.
    if (split === 'lines' || jsonBoundary(buf, nl) || nl === buf.length - 1) seen += 1;
    if (seen === rows) return nl + 1;
  }
  return -1;
}
