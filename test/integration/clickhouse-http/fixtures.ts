import { Readable } from 'node:stream';

/** A row of the test table. */
export interface Row {
  id: string;
  campaign_id: number;
  label: string;
  ts: string;
  price: string;
}

/** DDL of the test table (64-bit id, microsecond UTC timestamp, money as Decimal). */
export const createRowsTable = (name: string) =>
  `CREATE TABLE ${name} (id UInt64, campaign_id UInt32, label String, ts DateTime64(6, 'UTC'), price Decimal(10, 2)) ` +
  `ENGINE = MergeTree ORDER BY id`;

/** Deterministic row `i`; labels carry quotes, tabs and newlines to exercise escaping. */
export function row(i: number): Row {
  return {
    id: String(i),
    campaign_id: i % 97,
    label: i % 10 === 0 ? `it's "row"\t${i}\nend` : `row-${i}`,
    ts: `2024-01-01 00:00:${String(i % 60).padStart(2, '0')}.${String(i % 1_000_000).padStart(6, '0')}`,
    price: `${i % 1000}.${String(i % 100).padStart(2, '0')}`,
  };
}

/** An object-mode stream of rows [from, to) for JSONEachRow inserts. */
export const rowObjects = (from: number, to: number) =>
  Readable.from((function* () { for (let i = from; i < to; i += 1) yield row(i); })());

const tsvEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

/** A byte stream of rows [from, to) as TabSeparated, in 64 KiB pieces. */
export function rowTsv(from: number, to: number): Readable {
  return Readable.from((function* () {
    let piece = '';
    for (let i = from; i < to; i += 1) {
      const r = row(i);
      piece += `${r.id}\t${r.campaign_id}\t${tsvEscape(r.label)}\t${r.ts}\t${r.price}\n`;
      if (piece.length >= 65_536) {
        yield Buffer.from(piece);
        piece = '';
      }
    }
    if (piece !== '') yield Buffer.from(piece);
  })(), { objectMode: false });
}

/** Rows [from, to) as CSV text (labels with newlines are quoted, as RFC 4180 requires). */
export function rowCsv(from: number, to: number, header = false): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  let text = header ? 'id,campaign_id,label,ts,price\n' : '';
  for (let i = from; i < to; i += 1) {
    const r = row(i);
    text += `${r.id},${r.campaign_id},${quote(r.label)},${quote(r.ts)},${r.price}\n`;
  }
  return text;
}
