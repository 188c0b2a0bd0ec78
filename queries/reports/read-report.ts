import type { ClickHouseClient } from '@clickhouse/client';
import { sqlFile } from '../../lib/sql-files.ts';
import { campaignExists } from '../campaign-reference.ts';
import { NotFoundError } from '../query-errors.ts';
import { dailyColumns, periodColumns, totalsColumns, type ReportColumn } from './report-columns.ts';
import { typeRow, type RawRow, type ReportRow } from './report-rows.ts';
import { checkReportQuery, type CheckedReportQuery, type ReportQuery } from './report-query.ts';

/** A report's rows (JSON-ready, money as exact strings) and the columns that describe them. */
export interface ReportResult {
  /** 'period' is the totals report summed over from..to. */
  readonly report: 'totals' | 'period' | 'daily';
  readonly columns: readonly ReportColumn[];
  readonly rows: ReportRow[];
}

/** The SQL file and columns of a query. */
function reportSource(q: CheckedReportQuery): { report: ReportResult['report']; file: string; columns: readonly ReportColumn[] } {
  if (q.kind === 'daily') return { report: 'daily', file: 'queries/report-daily.sql', columns: dailyColumns };
  return q.period
    ? { report: 'period', file: 'queries/report-period.sql', columns: periodColumns }
    : { report: 'totals', file: 'queries/report-totals.sql', columns: totalsColumns };
}

/** Read a checked report query with bound parameters; an unknown campaign is a NotFoundError, not an empty report. */
export async function readCheckedReport(clickhouse: ClickHouseClient, q: CheckedReportQuery): Promise<ReportResult> {
  if (q.campaignId !== 0 && !(await campaignExists(clickhouse, q.campaignId))) {
    throw new NotFoundError('campaignId', (n) => `${n('campaignId')}: no campaign ${q.campaignId} in ClickHouse (unknown, or not replicated yet)`);
  }
  const { report, file, columns } = reportSource(q);
  const params = { day_from: q.dayFrom, day_to: q.dayTo, campaign_id: q.campaignId };
  const raw = await clickhouse.query({ query: sqlFile(file), query_params: params, format: 'JSONEachRow' }).then((res) => res.json<RawRow>());
  return { report, columns, rows: raw.map((row) => typeRow(row, columns)) };
}

/** Read a report: totals (lifetime, or over from..to) or daily; bad input throws a QueryInputError naming the field. */
export async function readReport(clickhouse: ClickHouseClient, q: ReportQuery): Promise<ReportResult> {
  return readCheckedReport(clickhouse, checkReportQuery(q));
}
