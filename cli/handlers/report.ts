import type { ClickHouseClient } from '@clickhouse/client';
import { UsageError } from '../../lib/errors.ts';
import { sqlFile } from '../../lib/sql-files.ts';
import { parseDay } from '../../core/calendar.ts';
import { dailyColumns, periodColumns, totalsColumns, type ReportColumn } from '../report-columns.ts';
import { renderCsv, renderTable, typeRow, type RawRow, type TypedRow } from '../report-output.ts';
import type { ContextRunner } from './context-runner.ts';
import { withPipelineContext } from './pipeline-context.ts';
import type { Output } from './services.ts';

/** `adpipe report` flags as commander hands them over. */
export interface ReportFlags {
  readonly from?: string;
  readonly to?: string;
  readonly campaign?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
}

/** A checked report request. */
export interface ReportRequest {
  readonly kind: 'totals' | 'daily';
  readonly dayFrom: string;
  readonly dayTo: string;
  /** 0: every campaign. */
  readonly campaignId: number;
  readonly format: 'table' | 'json' | 'csv';
  /** totals over a period (--from/--to given) rather than lifetime. */
  readonly period: boolean;
}

function dayFlag(flag: '--from' | '--to', text: string | undefined, fallback: string): string {
  if (text === undefined) return fallback;
  if (parseDay(text) === undefined) throw new UsageError(`${flag} must be a date written YYYY-MM-DD, got "${text}"`, flag);
  return text;
}

/** Check the report name and flags; a UsageError names the one at fault (exit 2). */
export function parseReportFlags(kind: string, flags: ReportFlags): ReportRequest {
  if (kind !== 'totals' && kind !== 'daily') throw new UsageError(`unknown report "${kind}"; expected totals or daily`, 'report');
  if (flags.json && flags.csv) throw new UsageError('--json and --csv exclude each other: pick one output format', '--json');
  const dayFrom = dayFlag('--from', flags.from, '1900-01-01'); // Date32's whole range by default
  const dayTo = dayFlag('--to', flags.to, '2299-12-31');
  if (dayFrom > dayTo) throw new UsageError(`--from ${dayFrom} is after --to ${dayTo}`, '--from');
  let campaignId = 0;
  if (flags.campaign !== undefined) {
    campaignId = Number(flags.campaign);
    if (!/^\d+$/.test(flags.campaign) || campaignId < 1 || campaignId > 4_294_967_295) {
      throw new UsageError(`--campaign must be a positive integer, got "${flags.campaign}"`, '--campaign');
    }
  }
  const format = flags.json ? 'json' : flags.csv ? 'csv' : 'table';
  return { kind, dayFrom, dayTo, campaignId, format, period: flags.from !== undefined || flags.to !== undefined };
}

/** The SQL file and columns of a request. */
function reportSource(r: ReportRequest): { file: string; columns: readonly ReportColumn[] } {
  if (r.kind === 'daily') return { file: 'queries/report-daily.sql', columns: dailyColumns };
  return r.period ? { file: 'queries/report-period.sql', columns: periodColumns } : { file: 'queries/report-totals.sql', columns: totalsColumns };
}

/** Read a report with bound parameters; an unknown campaign is a usage error, not an empty table. */
export async function readReport(clickhouse: ClickHouseClient, r: ReportRequest): Promise<{ rows: TypedRow[]; columns: readonly ReportColumn[] }> {
  const params = { day_from: r.dayFrom, day_to: r.dayTo, campaign_id: r.campaignId };
  if (r.campaignId !== 0) {
    const found = await clickhouse
      .query({ query: 'SELECT count() AS n FROM campaigns_current WHERE id = {campaign_id:UInt32}', query_params: params, format: 'JSONEachRow' })
      .then((res) => res.json<{ n: string }>());
    if (Number(found[0]?.n ?? 0) === 0) {
      throw new UsageError(`--campaign: no campaign ${r.campaignId} in ClickHouse (unknown, or not replicated yet)`, '--campaign');
    }
  }
  const { file, columns } = reportSource(r);
  const raw = await clickhouse.query({ query: sqlFile(file), query_params: params, format: 'JSONEachRow' }).then((res) => res.json<RawRow>());
  return { rows: raw.map((row) => typeRow(row, columns)), columns };
}

/** `adpipe report totals|daily`: print a table, JSON or CSV; returns the typed rows. */
export async function runReport(kind: string, flags: ReportFlags, io: Output, withContext: ContextRunner = withPipelineContext): Promise<TypedRow[]> {
  const request = parseReportFlags(kind, flags); // before looking for servers: bad flags exit 2 at once
  const { rows, columns } = await withContext((ctx) => readReport(ctx.clickhouse(), request));
  if (request.format === 'json') io.out(JSON.stringify(rows, null, 2));
  else if (request.format === 'csv') io.out(renderCsv(rows, columns).trimEnd());
  else if (rows.length === 0) io.out('No report rows (run the initial load, or widen --from/--to).');
  else io.out(renderTable(rows, columns, process.stdout.isTTY === true));
  return rows;
}
