import type { ActivityDeps } from '../index.ts';
import { FailureType, nonRetryable } from '../../core/failures.ts';
import { withHeartbeat } from '../heartbeat.ts';
import { loadRows } from './load-rows.ts';
import { loadTombstones } from './load-tombstones.ts';
import { clearFixedRejections } from './clear-rejections.ts';
import { faultPoint } from '../fault-point.ts';
import { currentSnapshotXmin } from '../../lib/postgres/state/snapshot-xmin.ts';
import { advanceWatermark, readWatermarks } from '../../lib/postgres/state/watermarks.ts';
import { checkSourceSchema } from './source-schema.ts';
import { pipelineTables, type PipelineTable } from '../../core/tables.ts';
import { rowVersion, tombstoneVersion } from '../../core/versions.ts';

/** A table's delta: xids in [fromXid, toXid). */
export interface TableDelta {
  readonly table: PipelineTable;
  readonly fromXid: string;
}

export interface DeltaPlan {
  /** Upper bound shared by every table of the run: the snapshot xmin when it was planned. */
  readonly toXid: string;
  readonly tables: TableDelta[];
}

export interface DeltaLoadResult {
  readonly table: PipelineTable;
  readonly rows: number;
  readonly tombstones: number;
  /** Earlier rejected_rows entries whose source row is now fixed or gone. */
  readonly rejectionsCleared?: number;
  readonly durationMs: number;
}

// From int4's minimum: a row with a non-positive id is not loadable, but must be seen to be recorded.
const everyId = { idLo: -(2n ** 31n), idHi: 2n ** 62n };

export function createDeltaActivities(deps: ActivityDeps) {
  return {
    /** Read the watermarks and fix the run's upper bound (all earlier transactions are finished). */
    async planDelta(input: { tables?: PipelineTable[] } = {}): Promise<DeltaPlan> {
      await faultPoint('planDelta');
      await checkSourceSchema(deps.pg);
      const watermarks = await readWatermarks(deps.db);
      const wanted = input.tables ?? [...pipelineTables];
      const missing = wanted.filter((t) => !watermarks.has(t));
      if (missing.length > 0) {
        throw nonRetryable(FailureType.NotInitialised, `no watermark for ${missing.join(', ')}: run the initial load first (adpipe run initial-load)`);
      }
      const toXid = await currentSnapshotXmin(deps.db);
      return { toXid: String(toXid), tables: wanted.map((t) => ({ table: t, fromXid: String(watermarks.get(t)!.xid) })) };
    },

    /** Upsert a table's changed rows and its tombstones for [fromXid, toXid). */
    async loadDelta(input: TableDelta & { toXid: string }): Promise<DeltaLoadResult> {
      const fromXid = BigInt(input.fromXid);
      const toXid = BigInt(input.toXid);
      const started = Date.now();
      if (toXid <= fromXid) return { table: input.table, rows: 0, tombstones: 0, durationMs: 0 };
      return withHeartbeat(
        () => ({ table: input.table, fromXid: input.fromXid, toXid: input.toXid, elapsedMs: Date.now() - started }),
        async () => {
          await faultPoint('loadDelta.start', { table: input.table });
          const rows = await loadRows(deps, { table: input.table, fromXid, toXid, ...everyId, version: rowVersion(toXid) });
          await faultPoint('loadDelta.rows', { table: input.table, rows });
          const tombstones = await loadTombstones(deps, { table: input.table, fromXid, toXid });
          await faultPoint('loadDelta.tombstones', { table: input.table, tombstones });
          const rejectionsCleared = await clearFixedRejections(deps, { table: input.table, version: tombstoneVersion(toXid) });
          return { table: input.table, rows, tombstones, rejectionsCleared, durationMs: Date.now() - started };
        },
      );
    },

    /** Advance each table's watermark to toXid (compare-and-set from its planned start). */
    async advanceWatermarks(input: { toXid: string; tables: TableDelta[]; summary: object }): Promise<{ advanced: PipelineTable[] }> {
      await faultPoint('advanceWatermarks');
      const advanced: PipelineTable[] = [];
      for (const t of input.tables) {
        const moved = await advanceWatermark(deps.db, t.table, BigInt(t.fromXid), BigInt(input.toXid), input.summary);
        if (moved) advanced.push(t.table);
      }
      return { advanced };
    },
  };
}
