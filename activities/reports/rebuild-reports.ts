import type { ClickHouseClient } from '@clickhouse/client';
import { sqlFile } from '../../lib/sql-files.ts';
import { clickhouseClock } from './clickhouse-clock.ts';
import { classifyClickHouseError } from '../failures.ts';
import { faultPoint } from '../fault-point.ts';
import { withHeartbeat } from '../heartbeat.ts';

/** What a rebuild wrote. */
export interface RebuildResult {
  readonly reportVersion: string;
  /** (campaign, day) rows written, tombstones included. */
  readonly dailyRows: number;
  readonly campaigns: number;
  readonly durationMs: number;
}

/**
 * Rebuild the report rows for every key touched by fact or campaign rows whose version
 * lies in [versionLo, versionHi]. Versions are ClickHouse's clock read before each step's
 * read (clickhouse-clock.ts), so of two overlapping rebuilds the one that read later wins.
 */
export async function rebuildReports(
  clickhouse: ClickHouseClient,
  range: { versionLo: bigint; versionHi: bigint },
): Promise<RebuildResult> {
  const started = Date.now();
  // A full rebuild on a long history runs for minutes: heartbeat so a dead worker is noticed fast.
  const details = () => ({ versionLo: String(range.versionLo), versionHi: String(range.versionHi), elapsedMs: Date.now() - started });
  return withHeartbeat(details, async () => rebuild(clickhouse, range, started));
}

async function rebuild(clickhouse: ClickHouseClient, range: { versionLo: bigint; versionHi: bigint }, started: number): Promise<RebuildResult> {
  try {
    await faultPoint('rebuildReports.start');
    const reportVersion = await clickhouseClock(clickhouse);
    const params = { version_lo: range.versionLo.toString(), version_hi: range.versionHi.toString(), report_version: reportVersion };
    await clickhouse.command({ query: sqlFile('reports/rebuild-daily.sql'), query_params: params, clickhouse_settings: { wait_end_of_query: 1 } });
    await faultPoint('rebuildReports.daily', { reportVersion });
    // Totals read the daily rows just written (and any another rebuild wrote): their
    // version must be read after that write, or an older total could win.
    const totalsVersion = await clickhouseClock(clickhouse);
    await clickhouse.command({ query: sqlFile('reports/rebuild-totals.sql'), query_params: { ...params, totals_version: totalsVersion }, clickhouse_settings: { wait_end_of_query: 1 } });
    const counted = await clickhouse
      .query({
        query: `SELECT count() AS rows, uniqExact(campaign_id) AS campaigns FROM campaign_daily WHERE version = {v:UInt64}`,
        query_params: { v: reportVersion },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ rows: string; campaigns: string }>());
    return {
      reportVersion,
      dailyRows: Number(counted[0]?.rows ?? 0),
      campaigns: Number(counted[0]?.campaigns ?? 0),
      durationMs: Date.now() - started,
    };
  } catch (err) {
    classifyClickHouseError(err, 'rebuilding reports');
  }
}
