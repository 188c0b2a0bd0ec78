import { UsageError } from '../../lib/errors.ts';
import { readCheckedReport } from '../../queries/reports/read-report.ts';
import { checkReportName, checkReportQuery, type CheckedReportQuery } from '../../queries/reports/report-query.ts';
import type { ReportRow } from '../../queries/reports/report-rows.ts';
import { renderCsv, renderTable } from '../report-output.ts';
import type { ContextRunner } from './context-runner.ts';
import { withPipelineContext } from './pipeline-context.ts';
import { flagged, withFlagNames } from './query-usage.ts';
import type { Output } from './services.ts';

/** `adpipe report` flags as commander hands them over. */
export interface ReportFlags {
  readonly from?: string;
  readonly to?: string;
  readonly campaign?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
}

/** A checked report request: the query and how to print it. */
export type ReportRequest = CheckedReportQuery & { readonly format: 'table' | 'json' | 'csv' };

/** --campaign as text: whole positive numbers only (Number('') is 0, Number('1e3') is 1000). */
function campaignFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const id = Number(text);
  if (!/^\d+$/.test(text) || id < 1 || id > 4_294_967_295) throw new UsageError(`--campaign must be a positive integer, got "${text}"`, '--campaign');
  return id;
}

/** Check the report name and flags; a UsageError names the one at fault (exit 2). */
export function parseReportFlags(kind: string, flags: ReportFlags): ReportRequest {
  const report = flagged(() => checkReportName(kind));
  if (flags.json && flags.csv) throw new UsageError('--json and --csv exclude each other: pick one output format', '--json');
  const query = flagged(() => checkReportQuery({ report, from: flags.from, to: flags.to }));
  const campaignId = campaignFlag(flags.campaign) ?? 0;
  return { ...query, campaignId, format: flags.json ? 'json' : flags.csv ? 'csv' : 'table' };
}

/** `adpipe report totals|daily`: print a table, JSON or CSV; returns the typed rows. */
export async function runReport(kind: string, flags: ReportFlags, io: Output, withContext: ContextRunner = withPipelineContext): Promise<ReportRow[]> {
  const request = parseReportFlags(kind, flags); // before looking for servers: bad flags exit 2 at once
  const { rows, columns } = await withContext((ctx) => withFlagNames(() => readCheckedReport(ctx.clickhouse(), request)));
  if (request.format === 'json') io.out(JSON.stringify(rows, null, 2));
  else if (request.format === 'csv') io.out(renderCsv(rows, columns).trimEnd());
  else if (rows.length === 0) io.out('No report rows (run the initial load, or widen --from/--to).');
  else io.out(renderTable(rows, columns, process.stdout.isTTY === true));
  return rows;
}
