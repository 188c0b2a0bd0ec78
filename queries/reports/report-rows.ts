import type { ReportColumn } from './report-columns.ts';

/** A report row as ClickHouse returns it (64-bit integers quoted, money as decimal text). */
export type RawRow = Record<string, unknown>;
/** A report row for machines: counts as numbers, money as exact decimal strings, ratios as numbers. */
export type ReportRow = Record<string, string | number | null>;

/** Give each value its column's JSON type; money stays a string so no cent is lost. */
export function typeRow(row: RawRow, columns: readonly ReportColumn[]): ReportRow {
  const typed: ReportRow = {};
  for (const c of columns) {
    const v = row[c.key];
    if (v === null || v === undefined) typed[c.key] = null;
    else if (c.kind === 'int' || c.kind === 'percent' || c.kind === 'ratio') typed[c.key] = Number(v);
    else typed[c.key] = String(v);
  }
  return typed;
}
