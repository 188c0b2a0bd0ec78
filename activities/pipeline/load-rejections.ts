import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool } from 'pg';
import { copyToClickHouse, sqlInt } from './copy-to-clickhouse.ts';
import { classifyClickHouseError } from '../failures.ts';
import { loadableSources } from './loadable.ts';
import type { RowSlice } from './load-rows.ts';

/**
 * Record in ClickHouse's rejected_rows every row of a slice that the row load left out
 * or loaded with NULLed fields, with the reason, at the slice's version. The same slice
 * read again writes the same rows, so retries are harmless. Returns how many rows.
 */
export async function loadRejections(deps: { pg: Pool; clickhouse: ClickHouseClient }, s: RowSlice): Promise<number> {
  const r = loadableSources[s.table].rejected;
  const copySql =
    `COPY (SELECT '${s.table}', id, ${r.action}, ${r.reason}, adpipe_xid, ${sqlInt(s.version)}, 0 FROM ${r.from} ` +
    `WHERE adpipe_xid >= ${sqlInt(s.fromXid)} AND adpipe_xid < ${sqlInt(s.toXid)} ` +
    `AND id >= ${sqlInt(s.idLo)} AND id < ${sqlInt(s.idHi)} AND ${r.where}) TO STDOUT`;
  try {
    return await copyToClickHouse(deps.pg, deps.clickhouse, {
      copySql,
      table: 'rejected_rows',
      columns: ['table_name', 'id', 'action', 'reason', 'source_xid', 'version', 'is_deleted'],
    });
  } catch (err) {
    classifyClickHouseError(err, `recording rejected rows of ${s.table}`);
  }
}
