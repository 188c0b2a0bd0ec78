import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool } from 'pg';
import { rejectedRowsSummary, type RejectedRowsGroup } from './rejected-rows.ts';
import { unattributedFacts } from './unattributed-facts.ts';
import { watermarkBlocker, type WatermarkBlocker } from './watermark-blocker.ts';

/** What `adpipe status` shows beyond watermarks: why deltas wait, what was not loaded. */
export interface HealthReport {
  readonly blocker: WatermarkBlocker | null;
  readonly rejected: RejectedRowsGroup[];
  readonly unattributed: { impressions: number; clicks: number } | null;
  /** Why the ClickHouse part is missing (not loaded yet, unreachable), if it is. */
  readonly clickhouseError: string | null;
}

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
