import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { ReportColumn } from '../queries/reports/report-columns.ts';
import type { ReportRow } from '../queries/reports/report-rows.ts';

// How people read a report: a table or CSV of the rows queries/reports returns.

/** How a value reads in the table. */
export function formatCell(value: string | number | null, column: ReportColumn): string {
  if (value === null) return '—';
  switch (column.kind) {
    case 'int':
      return Number(value).toLocaleString('en-US');
    case 'percent':
      return `${(Number(value) * 100).toFixed(2)}%`;
    case 'ratio':
      return Number(value).toFixed(2);
    default:
      return String(value);
  }
}

/** A readable table of the columns marked for it (colour only on a terminal). */
export function renderTable(rows: readonly ReportRow[], columns: readonly ReportColumn[], colour: boolean): string {
  const shown = columns.filter((c) => c.inTable);
  const table = new Table({
    head: shown.map((c) => c.header),
    colAligns: shown.map((c) => (c.kind === 'text' ? 'left' : 'right')),
    style: colour ? { compact: true } : { compact: true, head: [], border: [] },
  });
  for (const row of rows) table.push(shown.map((c) => formatCell(row[c.key] ?? null, c)));
  return table.toString();
}

/** CSV with a header of column keys and every column; empty cells for nulls. */
export function renderCsv(rows: readonly ReportRow[], columns: readonly ReportColumn[]): string {
  return stringify(rows.map((r) => columns.map((c) => r[c.key] ?? '')), { header: true, columns: columns.map((c) => c.key) });
}
