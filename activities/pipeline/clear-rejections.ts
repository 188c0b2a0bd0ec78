import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool } from 'pg';
import { classifyClickHouseError } from '../failures.ts';
import { loadableSources } from './loadable.ts';
import type { PipelineTable } from '../../core/tables.ts';

/** Rejections looked at per run; a larger backlog clears over the following runs. */
const batch = 100_000;

/**
 * Tombstone the rejected_rows entries of `table` recorded before this run whose source
 * row is now loadable or gone, so rejected_rows_current lists only rows still wrong.
 * The tombstone's version (the run's tombstone version) is below anything this or a
 * later run records, so a row that is still (or again) wrong keeps its entry.
 */
export async function clearFixedRejections(
  deps: { pg: Pool; clickhouse: ClickHouseClient },
  input: { table: PipelineTable; version: bigint },
): Promise<number> {
  try {
    const recorded = await deps.clickhouse
      .query({
        query: `SELECT toString(id) AS id FROM rejected_rows FINAL
                WHERE table_name = {table:String} AND is_deleted = 0 AND version < {version:UInt64} LIMIT {batch:UInt32}`,
        query_params: { table: input.table, version: input.version.toString(), batch },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ id: string }>());
    if (recorded.length === 0) return 0;
    const r = loadableSources[input.table].rejected;
    const { rows: stillWrong } = await deps.pg.query<{ id: string }>(
      `SELECT id::text AS id FROM ${r.from} WHERE id = ANY($1::bigint[]) AND ${r.where}`,
      [recorded.map((x) => x.id)],
    );
    const keep = new Set(stillWrong.map((x) => x.id));
    const fixed = recorded.filter((x) => !keep.has(x.id));
    if (fixed.length === 0) return 0;
    await deps.clickhouse.insert({
      table: 'rejected_rows',
      values: fixed.map((x) => ({ table_name: input.table, id: x.id, action: '', reason: '', source_xid: 0, version: input.version.toString(), is_deleted: 1 })),
      format: 'JSONEachRow',
    });
    return fixed.length;
  } catch (err) {
    classifyClickHouseError(err, `clearing fixed rejections of ${input.table}`);
  }
}
