import type { HealthReport } from '../../../queries/status/health-report.ts';
import type { WatermarkBlocker } from '../../../queries/status/watermark-blocker.ts';

// The health part of `adpipe status` for people; --json prints the HealthReport itself.

/** Transactions open at least this long are worth a line in `status`. */
export const blockerNoticeSeconds = 30;

/** One line for people: who holds the watermark and since when. */
export function describeBlocker(b: WatermarkBlocker): string {
  const who = b.preparedGid !== null
    ? `prepared transaction '${b.preparedGid}' (COMMIT PREPARED or ROLLBACK PREPARED it)`
    : `pid ${b.pid}${b.application ? ` (${b.application})` : ''}${b.user ? ` user ${b.user}` : ''}${b.state ? `, ${b.state}` : ''}`;
  const since = b.since === null ? '' : `, open since ${b.since} (${b.ageSeconds}s)`;
  return `deltas wait for transaction ${b.xid}: ${who}${since}`;
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
