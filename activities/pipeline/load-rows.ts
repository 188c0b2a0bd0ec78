import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool } from 'pg';
import { copyToClickHouse, sqlInt } from './copy-to-clickhouse.ts';
import { classifyClickHouseError } from '../failures.ts';
import { loadRejections } from './load-rejections.ts';
import { loadableSources } from './loadable.ts';
import { pgAddressParams, type PgAddress } from './pg-address.ts';
import { pullLoad } from './table-statements.ts';
import { sourceTables, type PipelineTable } from '../../core/tables.ts';

/** One slice of a source table: xids in [fromXid, toXid), ids in [idLo, idHi). */
export interface RowSlice {
  readonly table: PipelineTable;
  readonly fromXid: bigint;
  readonly toXid: bigint;
  readonly idLo: bigint;
  readonly idHi: bigint;
  readonly version: bigint;
}

export interface LoadRowsDeps {
  readonly pg: Pool;
  readonly clickhouse: ClickHouseClient;
  readonly pgForClickhouse: PgAddress;
  readonly extractMode: 'pull' | 'stream';
}

/**
 * Upsert a slice's current rows into ClickHouse, then record the rows it could not store
 * (see loadable.ts) in rejected_rows; returns how many rows were written.
 */
export async function loadRows(deps: LoadRowsDeps, slice: RowSlice): Promise<number> {
  let rows: number;
  try {
    rows = deps.extractMode === 'pull' ? await pullRows(deps, slice) : await streamRows(deps, slice);
  } catch (err) {
    classifyClickHouseError(err, `loading ${slice.table}`);
  }
  await loadRejections(deps, slice);
  return rows;
}

/** ClickHouse reads PostgreSQL itself via postgresql(); rows never pass through Node. */
async function pullRows(deps: LoadRowsDeps, s: RowSlice): Promise<number> {
  const load = pullLoad(s.table);
  const result = await deps.clickhouse.command({
    query: load.query,
    query_params: {
      ...pgAddressParams(deps.pgForClickhouse),
      ...load.tableParams,
      from_xid: s.fromXid.toString(),
      to_xid: s.toXid.toString(),
      id_lo: s.idLo.toString(),
      id_hi: s.idHi.toString(),
      version: s.version.toString(),
    },
    clickhouse_settings: { wait_end_of_query: 1 },
  });
  return Number(result.summary?.written_rows ?? 0);
}

/** The worker streams PostgreSQL's COPY output into a ClickHouse insert. */
async function streamRows(deps: LoadRowsDeps, s: RowSlice): Promise<number> {
  const spec = sourceTables[s.table];
  const source = loadableSources[s.table];
  const copySql =
    `COPY (SELECT ${spec.copySelect}, ${sqlInt(s.version)}, 0 FROM ${source.from} ` +
    `WHERE adpipe_xid >= ${sqlInt(s.fromXid)} AND adpipe_xid < ${sqlInt(s.toXid)} ` +
    `AND id >= ${sqlInt(s.idLo)} AND id < ${sqlInt(s.idHi)} AND ${source.loadable}) TO STDOUT`;
  return copyToClickHouse(deps.pg, deps.clickhouse, {
    copySql,
    table: s.table,
    columns: [...spec.columns, 'version', 'is_deleted'],
  });
}
