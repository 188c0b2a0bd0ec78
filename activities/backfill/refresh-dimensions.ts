import { sqlFile } from '../../lib/sql-files.ts';
import { rowVersion, tombstoneVersion } from '../../core/versions.ts';
import { classifyClickHouseError } from '../failures.ts';
import { loadRows, type LoadRowsDeps } from '../pipeline/load-rows.ts';

/** Ids [lo, hi) of one dimension table to refresh. */
interface IdScope {
  readonly table: 'advertisers' | 'campaigns';
  readonly lo: bigint;
  readonly hi: bigint;
}

/** What a dimension refresh wrote. */
export interface DimensionRefresh {
  readonly advertisers: number;
  readonly campaigns: number;
  readonly tombstones: number;
}

const allIds = { lo: 0n, hi: 2n ** 62n };

/** Reload PostgreSQL's rows of a dimension's ids at V, then tombstone the rest at V − 1. */
async function refreshIds(deps: LoadRowsDeps, s: IdScope, xmin: bigint): Promise<{ rows: number; tombstones: number }> {
  // Every committed row, whatever its xid: it is at least as new as V claims.
  const rows = await loadRows(deps, { table: s.table, fromXid: 0n, toXid: allIds.hi, idLo: s.lo, idHi: s.hi, version: rowVersion(xmin) });
  const tombstoned = await deps.clickhouse.command({
    query: sqlFile('backfill/tombstone-dimension-ids.sql'),
    query_params: { table: s.table, id_lo: s.lo.toString(), id_hi: s.hi.toString(), version: tombstoneVersion(xmin).toString() },
    clickhouse_settings: { wait_end_of_query: 1 },
  });
  return { rows, tombstones: Number(tombstoned.summary?.written_rows ?? 0) };
}

/**
 * Refresh advertisers and campaigns the way a backfill refreshes a day: all of them, or
 * only one campaign and its advertiser (see mispricedCampaigns for what it means to reports).
 */
export async function refreshDimensions(
  deps: LoadRowsDeps,
  scope: { xmin: bigint; campaignId?: number; advertiserId?: number | null },
): Promise<DimensionRefresh> {
  const one = (id: number) => ({ lo: BigInt(id), hi: BigInt(id) + 1n });
  const campaigns = scope.campaignId === undefined ? allIds : one(scope.campaignId);
  const advertisers = scope.campaignId === undefined ? allIds : scope.advertiserId == null ? undefined : one(scope.advertiserId);
  try {
    const a = advertisers ? await refreshIds(deps, { table: 'advertisers', ...advertisers }, scope.xmin) : { rows: 0, tombstones: 0 };
    const c = await refreshIds(deps, { table: 'campaigns', ...campaigns }, scope.xmin);
    return { advertisers: a.rows, campaigns: c.rows, tombstones: a.tombstones + c.tombstones };
  } catch (err) {
    classifyClickHouseError(err, 'refreshing advertisers and campaigns');
  }
}
