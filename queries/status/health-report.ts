import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool } from 'pg';
import { rejectedRowsSummary, type RejectedRowsGroup } from './rejected-rows.ts';
import { unattributedFacts } from './unattributed-facts.ts';
import { describeBlocker, watermarkBlocker, type WatermarkBlocker } from './watermark-blocker.ts';

/** What `adpipe status` shows beyond watermarks: why deltas wait, what was not loaded. */
export interface HealthReport {
  readonly blocker: WatermarkBlocker | null;
  readonly rejected: RejectedRowsGroup[];
  readonly unattributed: { impressions: number; clicks: number } | null;
  /** Why the ClickHouse part is missing (not loaded yet, unreachable), if it is. */
  readonly clickhouseError: string | null;
}

/** Transactions open at least this long are worth a line in `status`. */
export const blockerNoticeSeconds = 30;

/** Gather the health report; a ClickHouse problem is reported, not thrown. */
export async function healthReport(pg: Pool, clickhouse: ClickHouseClient): Promise<HealthReport> {
  const blocker = (await watermarkBlocker(pg)) ?? null;
  try {
    const [rejected, unattributed] = await Promise.all([rejectedRowsSummary(clickhouse), unattributedFacts(clickhouse)]);
    return { blocker, rejected, unattributed, clickhouseError: null };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { blocker, rejected: [], unattributed: null, clickhouseError: message };
  }
}

/** Plain-text lines for the report (empty when there is nothing to say). */
export function healthLines(h: HealthReport, noticeSeconds = blockerNoticeSeconds): string[] {
  const lines: string[] = [];
  if (h.blocker && (h.blocker.ageSeconds ?? noticeSeconds) >= noticeSeconds) {
    lines.push(`Lag: ${describeBlocker(h.blocker)}.`);
  }
  for (const g of h.rejected) {
    const what = g.action === 'skipped' ? 'not loaded' : 'loaded with fields set to NULL';
    lines.push(`Rejected: ${g.rows} ${g.table} row(s) ${what}, e.g. id ${g.exampleId}: ${g.exampleReason} (last ${g.lastRecordedAt}).`);
  }
  if (h.rejected.length > 0) lines.push('  (SELECT * FROM rejected_rows_current in ClickHouse lists them all; fixing a row in PostgreSQL clears it.)');
  const u = h.unattributed;
  if (u && u.impressions + u.clicks > 0) {
    lines.push(`Without campaign: ${u.impressions} impressions and ${u.clicks} clicks have a NULL campaign_id: loaded, in no report.`);
  }
  if (h.clickhouseError !== null) lines.push(`ClickHouse: rejected rows unknown (${h.clickhouseError}).`);
  return lines;
}
