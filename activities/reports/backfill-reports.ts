import type { ClickHouseClient } from '@clickhouse/client';
import { sqlFile } from '../../lib/sql-files.ts';
import { clickhouseClock } from './clickhouse-clock.ts';
import { classifyClickHouseError } from '../failures.ts';

/** Report keys a backfill rebuilds: days [dayFrom, dayTo] of all or some campaigns. */
export interface ReportScope {
  readonly dayFrom: string;
  readonly dayTo: string;
  /** Campaign ids, or 'all'. */
  readonly campaigns: readonly number[] | 'all';
  /** Rebuild campaign_daily first (true), or only campaign_totals from it. */
  readonly daily: boolean;
}

/** What a scoped rebuild wrote. */
export interface ScopeRebuild {
  readonly reportVersion: string;
  /** campaign_daily rows written (tombstones included). */
  readonly dailyRows: number;
  readonly campaigns: number;
  readonly durationMs: number;
}

/** Every day Date32 holds: the scope of a campaign's full repricing. */
export const allDays = { dayFrom: '1900-01-01', dayTo: '2299-12-31' } as const;

async function count(clickhouse: ClickHouseClient, query: string, version: string): Promise<number> {
  const rows = await clickhouse
    .query({ query, query_params: { v: version }, format: 'JSONEachRow' })
    .then((r) => r.json<{ n: string }>());
  return Number(rows[0]?.n ?? 0);
}

/**
 * Rebuild the report rows of a scope from the deduplicated facts. The report version
 * is ClickHouse's clock, as in rebuild-reports.ts, so the rebuild that started last wins.
 */
export async function rebuildReportScope(clickhouse: ClickHouseClient, scope: ReportScope): Promise<ScopeRebuild> {
  const started = Date.now();
  try {
    const reportVersion = await clickhouseClock(clickhouse);
    const params = {
      day_from: scope.dayFrom,
      day_to: scope.dayTo,
      all_campaigns: scope.campaigns === 'all' ? 1 : 0,
      campaign_ids: scope.campaigns === 'all' ? [] : [...scope.campaigns],
      report_version: reportVersion,
    };
    const settings = { wait_end_of_query: 1 } as const;
    if (scope.daily) await clickhouse.command({ query: sqlFile('backfill/rebuild-daily.sql'), query_params: params, clickhouse_settings: settings });
    const totalsVersion = await clickhouseClock(clickhouse); // read after the daily write: see clickhouse-clock.ts
    await clickhouse.command({ query: sqlFile('backfill/rebuild-totals.sql'), query_params: { ...params, totals_version: totalsVersion }, clickhouse_settings: settings });
    return {
      reportVersion,
      dailyRows: await count(clickhouse, 'SELECT count() AS n FROM campaign_daily WHERE version = {v:UInt64}', reportVersion),
      campaigns: await count(clickhouse, 'SELECT count() AS n FROM campaign_totals WHERE version = {v:UInt64}', totalsVersion),
      durationMs: Date.now() - started,
    };
  } catch (err) {
    classifyClickHouseError(err, 'rebuilding reports for a backfill');
  }
}
