import { sqlFile } from '../../lib/sql-files.ts';
import { copyToClickHouse, sqlInt } from '../pipeline/copy-to-clickhouse.ts';
import { classifyClickHouseError } from '../failures.ts';
import type { LoadRowsDeps } from '../pipeline/load-rows.ts';
import { loadableSources } from '../pipeline/loadable.ts';
import { pgAddressParams } from '../pipeline/pg-address.ts';
import { factPull, type FactTable } from '../pipeline/table-statements.ts';
import { sourceTables } from '../../core/tables.ts';
import { rowVersion, tombstoneVersion } from '../../core/versions.ts';

/** A fact table's rows of one UTC day, for one campaign or all (campaignId 0). */
export interface FactDay {
  readonly table: FactTable;
  /** YYYY-MM-DD, already validated. */
  readonly day: string;
  readonly campaignId: number;
  /** Snapshot xmin taken before the read: live rows get V = 2·xmin, tombstones V − 1. */
  readonly xmin: bigint;
}

/** What re-extracting one fact table's day wrote. */
export interface FactDayResult {
  readonly rows: number;
  readonly tombstones: number;
}

/**
 * Re-extract one day of a fact table: load what PostgreSQL holds now at V, then
 * tombstone at V − 1 whatever older rows of that day the load did not replace. In that
 * order readers never see the day missing. Retrying is safe: the reload collapses onto
 * rows already at V, and tombstones only go where they win.
 */
export async function backfillFactDay(deps: LoadRowsDeps, d: FactDay): Promise<FactDayResult> {
  try {
    const rows = deps.extractMode === 'pull' ? await pullDay(deps, d) : await streamDay(deps, d);
    const tombstoned = await deps.clickhouse.command({
      query: sqlFile('backfill/tombstone-fact-day.sql'),
      query_params: { table: d.table, day: d.day, campaign_id: d.campaignId, version: tombstoneVersion(d.xmin).toString() },
      clickhouse_settings: { wait_end_of_query: 1 },
    });
    return { rows, tombstones: Number(tombstoned.summary?.written_rows ?? 0) };
  } catch (err) {
    classifyClickHouseError(err, `backfilling ${d.table} of ${d.day}`);
  }
}

/** ClickHouse reads the day from PostgreSQL itself (postgresql(), WHERE pushed down). */
async function pullDay(deps: LoadRowsDeps, d: FactDay): Promise<number> {
  const pull = factPull('backfill/reextract-fact-day.sql', d.table);
  const result = await deps.clickhouse.command({
    query: pull.query,
    query_params: { ...pgAddressParams(deps.pgForClickhouse), ...pull.tableParams, day: d.day, campaign_id: d.campaignId, version: rowVersion(d.xmin).toString() },
    clickhouse_settings: { wait_end_of_query: 1 },
  });
  return Number(result.summary?.written_rows ?? 0);
}

/** The worker streams the day's COPY output into a ClickHouse insert. */
async function streamDay(deps: LoadRowsDeps, d: FactDay): Promise<number> {
  const spec = sourceTables[d.table];
  const campaign = d.campaignId === 0 ? '' : ` AND campaign_id = ${sqlInt(BigInt(d.campaignId))}`;
  const copySql =
    `COPY (SELECT ${spec.copySelect}, ${sqlInt(rowVersion(d.xmin))}, 0 FROM ${loadableSources[d.table].from} ` +
    `WHERE created_at >= ${sqlDay(d.day)}::timestamp AND created_at < ${sqlDay(d.day)}::timestamp + interval '1 day'${campaign} ` +
    `AND ${loadableSources[d.table].loadable}) TO STDOUT`;
  return copyToClickHouse(deps.pg, deps.clickhouse, { copySql, table: d.table, columns: [...spec.columns, 'version', 'is_deleted'] });
}

/** A day as a SQL literal for COPY, which takes no bind parameters (format checked). */
export function sqlDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TypeError(`expected a YYYY-MM-DD day, got ${JSON.stringify(day)}`);
  return `'${day}'`;
}
