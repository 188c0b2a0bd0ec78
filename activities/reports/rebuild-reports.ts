import type { ClickHouseClient } from '@clickhouse/client';
import { sqlFragment, sqlTemplate } from '../../lib/sql-template.ts';
import { clickhouseClock } from './clickhouse-clock.ts';
import { keySelection, type RebuildInput } from './report-keys.ts';
import { classifyClickHouseError } from '../failures.ts';
import { faultPoint } from '../fault-point.ts';
import { withHeartbeat } from '../heartbeat.ts';

/** What a rebuild wrote. */
export interface RebuildResult {
  readonly reportVersion: string;
  /** (campaign, day) rows written, tombstones included. */
  readonly dailyRows: number;
  /** campaign_totals rows written, tombstones included. */
  readonly campaigns: number;
  readonly durationMs: number;
}

const settings = { wait_end_of_query: 1 } as const;

/**
 * Rebuild the report rows of a key set (the keys a delta touched, or a backfill's
 * scope) from the deduplicated facts, with the one SQL per report in sql/reports/.
 * Versions are ClickHouse's clock read before each step's read (clickhouse-clock.ts),
 * so of two overlapping rebuilds the one that read later wins.
 */
export async function rebuildReports(clickhouse: ClickHouseClient, input: RebuildInput): Promise<RebuildResult> {
  const started = Date.now();
  // A full rebuild on a long history runs for minutes: heartbeat so a dead worker is noticed fast.
  return withHeartbeat(() => ({ ...input, elapsedMs: Date.now() - started }), () => rebuild(clickhouse, input, started));
}

async function rebuild(clickhouse: ClickHouseClient, input: RebuildInput, started: number): Promise<RebuildResult> {
  const keys = keySelection(input);
  try {
    await faultPoint('rebuildReports.start');
    const reportVersion = await clickhouseClock(clickhouse);
    const params = { ...keys.params, report_version: reportVersion };
    let dailyRows = 0;
    if (keys.dailyKeys !== null) {
      const query = sqlTemplate('reports/rebuild-daily.sql', { keys: sqlFragment(keys.dailyKeys) });
      const daily = await clickhouse.command({ query, query_params: params, clickhouse_settings: settings });
      dailyRows = Number(daily.summary?.written_rows ?? 0);
    }
    await faultPoint('rebuildReports.daily', { reportVersion });
    // Totals read the daily rows just written (and any another rebuild wrote): their
    // version must be read after that write, or an older total could win.
    const totalsVersion = await clickhouseClock(clickhouse);
    const query = sqlTemplate('reports/rebuild-totals.sql', { keys: sqlFragment(keys.totalsKeys) });
    const totals = await clickhouse.command({ query, query_params: { ...params, totals_version: totalsVersion }, clickhouse_settings: settings });
    return { reportVersion, dailyRows, campaigns: Number(totals.summary?.written_rows ?? 0), durationMs: Date.now() - started };
  } catch (err) {
    classifyClickHouseError(err, keys.doing);
  }
}
