import type { ClickHouseClient } from '@clickhouse/client';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { Database } from '../../lib/postgres/schema.ts';
import { hasDeletesBetween } from '../../lib/postgres/state/deleted-rows.ts';
import { copyToClickHouse, sqlInt } from './copy-to-clickhouse.ts';
import { classifyClickHouseError } from '../failures.ts';
import { loadableSources } from './loadable.ts';
import { sourceTables, type PipelineTable } from '../../core/tables.ts';
import { tombstoneVersion } from '../../core/versions.ts';

/**
 * Write a tombstone (is_deleted = 1) for every row of `table` deleted, truncated or
 * moved to another key by a transaction in [fromXid, toXid). Tombstones carry the old
 * sort key so they collapse the exact ClickHouse row; their version is one below the
 * run's live rows, so a row that exists again wins.
 */
export async function loadTombstones(
  deps: { pg: Pool; db: Kysely<Database>; clickhouse: ClickHouseClient },
  input: { table: PipelineTable; fromXid: bigint; toXid: bigint },
): Promise<number> {
  const spec = sourceTables[input.table];
  if (!(await hasDeletesBetween(deps.db, input.table, input.fromXid, input.toXid))) return 0;
  const keyExprs = spec.tombstoneKey.map((k) => `${k.fromRowData}, `).join('');
  const copySql =
    `COPY (SELECT row_id, ${keyExprs}${sqlInt(tombstoneVersion(input.toXid))}, 1 ` +
    `FROM adpipe.deleted_rows WHERE table_name = '${spec.source}' ` +
    `AND adpipe_xid >= ${sqlInt(input.fromXid)} AND adpipe_xid < ${sqlInt(input.toXid)} ` +
    // a key ClickHouse cannot store belongs to a row that was never loaded: nothing to delete
    `AND ${loadableSources[input.table].tombstoneLoadable}) TO STDOUT`;
  try {
    return await copyToClickHouse(deps.pg, deps.clickhouse, {
      copySql,
      table: spec.target,
      columns: ['id', ...spec.tombstoneKey.map((k) => k.column), 'version', 'is_deleted'],
    });
  } catch (err) {
    classifyClickHouseError(err, `loading deletes of ${input.table}`);
  }
}
