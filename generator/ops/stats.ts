import type { Kysely } from 'kysely';
import type { Database } from '../../lib/postgres/schema.ts';
import { toStatsReport, type StatsReport } from '../stats-report.ts';
import { readCampaignCounts, readTableCounts } from '../store/stats.ts';

/**
 * Table counts and per-campaign delivery. Run it in a REPEATABLE READ transaction so the
 * two queries see one snapshot and the totals add up under concurrent writers.
 */
export async function readStats(db: Kysely<Database>): Promise<StatsReport> {
  const tables = await readTableCounts(db);
  const rows = await readCampaignCounts(db);
  return toStatsReport(tables, rows);
}
