import type { ActivityDeps } from '../index.ts';
import { faultPoint } from '../fault-point.ts';
import { withHeartbeat } from '../heartbeat.ts';
import { ensureLoadPlan } from '../../lib/postgres/state/load-plans.ts';
import { doneRangeStarts, markRangeDone } from '../../lib/postgres/state/load-ranges.ts';
import { currentSnapshotXmin } from '../../lib/postgres/state/snapshot-xmin.ts';
import { insertWatermarks, readWatermarks } from '../../lib/postgres/state/watermarks.ts';
import { loadRows } from './load-rows.ts';
import { checkSourceSchema } from './source-schema.ts';
import { pipelineTables, sourceTables, type PipelineTable } from '../../core/tables.ts';
import { rowVersion } from '../../core/versions.ts';

/** One id range of an initial load still to be loaded. */
export interface PlannedRange {
  readonly table: PipelineTable;
  readonly start: string;
  readonly end: string;
}

export interface InitialLoadPlan {
  readonly loadId: string;
  /** Every range reads adpipe_xid below this; it becomes the tables' first watermark. */
  readonly upperXid: string;
  /** Tables this load covers (those without a watermark yet). */
  readonly tables: PipelineTable[];
  /** Ranges not yet durable in ClickHouse. */
  readonly ranges: PlannedRange[];
  readonly alreadyLoaded: PipelineTable[];
}

/** The last range is open-ended so rows with ids above the planned max are never skipped. */
const idCeiling = 2n ** 62n;

export function createLoadActivities(deps: ActivityDeps) {
  return {
    /** Fix the cut (xid bound) and id ranges of an initial load; reuse them on retry. */
    async planInitialLoad(input: { loadId: string; rangeSize?: number }): Promise<InitialLoadPlan> {
      await faultPoint('planInitialLoad');
      await checkSourceSchema(deps.pg);
      const watermarks = await readWatermarks(deps.db);
      const tables = pipelineTables.filter((t) => !watermarks.has(t));
      const xmin = await currentSnapshotXmin(deps.db); // before max(id): every row below the cut is committed, so max(id) sees it
      const ranges: PlannedRange[] = [];
      let upperXid = xmin;
      for (const table of tables) {
        const { rows } = await deps.pg.query<{ max: string }>(
          `SELECT coalesce(max(id), 0)::text AS max FROM public.${sourceTables[table].source}`,
        );
        const plan = await ensureLoadPlan(deps.db, {
          loadId: input.loadId, table, upperXid: xmin, maxId: BigInt(rows[0]!.max),
          rangeSize: BigInt(input.rangeSize ?? 1_000_000),
        });
        upperXid = plan.upperXid;
        const done = await doneRangeStarts(deps.db, input.loadId, table);
        for (let start = 0n; start <= plan.maxId; start += plan.rangeSize) {
          const last = start + plan.rangeSize > plan.maxId;
          if (!done.has(start)) ranges.push({ table, start: String(start), end: String(last ? idCeiling : start + plan.rangeSize) });
        }
      }
      return { loadId: input.loadId, upperXid: String(upperXid), tables, ranges, alreadyLoaded: pipelineTables.filter((t) => watermarks.has(t)) };
    },

    /** Load one id range below the plan's xid bound, then record it as done. */
    async loadInitialRange(input: { loadId: string; upperXid: string } & PlannedRange): Promise<{ rows: number }> {
      const range = { start: BigInt(input.start), end: BigInt(input.end) };
      const upperXid = BigInt(input.upperXid);
      const started = Date.now();
      await faultPoint('loadInitialRange.start', { table: input.table, start: input.start });
      const rows = await withHeartbeat(
        () => ({ table: input.table, start: input.start, end: input.end, elapsedMs: Date.now() - started }),
        () => loadRows(deps, {
          table: input.table, fromXid: 0n, toXid: upperXid, version: rowVersion(upperXid),
          // the first range also covers non-positive ids, so such rows get recorded as rejected
          idLo: range.start === 0n ? -(2n ** 31n) : range.start, idHi: range.end,
        }),
      );
      await faultPoint('loadInitialRange.loaded', { table: input.table, start: input.start, rows });
      await markRangeDone(deps.db, input.loadId, input.table, range, rows);
      return { rows };
    },

    /** Set the first watermark of each loaded table; existing ones are left alone. */
    async finishInitialLoad(input: { tables: PipelineTable[]; upperXid: string }): Promise<{ watermarksSet: number }> {
      await faultPoint('finishInitialLoad');
      return { watermarksSet: await insertWatermarks(deps.db, input.tables, BigInt(input.upperXid)) };
    },
  };
}
