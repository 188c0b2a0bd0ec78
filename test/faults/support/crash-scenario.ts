import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import seedrandom from 'seedrandom';
import type { InitialDataSize } from '../../../core/inputs/initial-load-input.ts';
import type { ReconcileResult } from '../../../queries/verify/reconcile.ts';
import type { InitialLoadResult } from '../../../workflows/pipeline/initial-load.ts';
import type { TrackDeltasResult } from '../../../workflows/pipeline/track-deltas.ts';
import { startConcurrentWriter, type WriterCounts } from './concurrent-writer.ts';
import type { FaultPipeline } from './fault-pipeline.ts';
import { KillSwitch, type KillEvent, type KillTarget } from './kill-switch.ts';
import { faultDelays } from './kill-targets.ts';
import { rowCounts, type RowCounts } from './row-counts.ts';

/** How hard to shake the pipeline. */
export interface CrashScenarioOptions {
  readonly seed: number;
  readonly initialData: InitialDataSize;
  readonly rangeSize: number;
  readonly extractMode?: 'pull' | 'stream';
  /** Kills during initialLoad, in workflow order: each is armed once the previous one landed. */
  readonly initialLoad: readonly KillTarget[];
  readonly trackDeltas: { readonly kills: number; readonly targets: readonly KillTarget[]; readonly minRuns: number };
  readonly log: (message: string) => void;
}

/** What happened, and the final comparison with PostgreSQL. */
export interface CrashScenarioResult {
  readonly kills: KillEvent[];
  readonly reached: Record<string, number>;
  readonly runs: number;
  readonly durations: { readonly initialLoadMs: number; readonly trackDeltasMs: number[]; readonly totalMs: number };
  readonly writes: WriterCounts;
  readonly verify: ReconcileResult;
  readonly counts: { postgres: RowCounts; clickhouse: RowCounts };
}

const runTimeoutMs = 10 * 60_000;

async function withTimeout<T>(p: Promise<T>, what: string, tail: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${runTimeoutMs / 1000}s; worker said:\n${tail()}`)), runTimeoutMs);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * initialLoad, then trackDeltas runs, while a foreign writer writes; the worker is
 * SIGKILLed at chosen points and restarted each time. Ends with a quiet run and the
 * comparison with PostgreSQL (the caller asserts on it).
 */
export async function runCrashScenario(p: FaultPipeline, o: CrashScenarioOptions): Promise<CrashScenarioResult> {
  const random = seedrandom(`kills-${o.seed}`);
  const choose = (targets: readonly KillTarget[]) => targets[Math.floor(random() * targets.length)]!;
  const ks = new KillSwitch(p, random, { ADPIPE_FAULT_DELAY_MS: faultDelays, ADPIPE_EXTRACT_MODE: o.extractMode ?? 'pull' });
  const started = Date.now();
  let remaining = 0;
  let next: () => KillTarget = () => o.initialLoad[o.initialLoad.length - remaining]!;
  let workflow = 'initialLoad';
  ks.onKill((e) => {
    o.log(`kill #${ks.events.length}: ${e.where} (${e.point}+${e.delayMs}ms, last point ${e.lastPoint}${e.details.table ? `, ${String(e.details.table)}` : ''})`);
    if (--remaining > 0) ks.arm(workflow, next());
  });
  await ks.start();
  const execute = async <T>(workflow: 'initialLoad' | 'trackDeltas', input: object): Promise<T> => {
    const handle = await p.client.workflow.start(workflow, { taskQueue: p.taskQueue, workflowId: `${workflow}-${randomUUID()}`, args: [input] });
    return withTimeout(handle.result() as Promise<T>, workflow, () => ks.current()?.tail() ?? '');
  };

  remaining = o.initialLoad.length;
  if (remaining > 0) ks.arm('initialLoad', next());
  const load = execute<InitialLoadResult>('initialLoad', { loadId: 'faults', rangeSize: o.rangeSize, generateIfEmpty: { ...o.initialData, seed: o.seed } });
  // The writer starts once the generated data set is committed (before, it would stop the generation).
  let loadEnded = false;
  void load.then(() => (loadEnded = true), () => (loadEnded = true)); // a failed load ends the wait too
  while (!loadEnded && (await p.pg.query('SELECT 1 FROM campaign LIMIT 1')).rowCount === 0) await sleep(200);
  const writer = startConcurrentWriter(p.pg, { seed: o.seed });
  await load;
  ks.disarm(); // a target the load never reached must not fire in trackDeltas
  const initialLoadMs = Date.now() - started;
  o.log(`initialLoad done in ${(initialLoadMs / 1000).toFixed(1)}s with ${ks.events.length} kill(s)`);

  workflow = 'trackDeltas';
  next = () => choose(o.trackDeltas.targets);
  const trackDeltasMs: number[] = [];
  const killsBefore = ks.events.length;
  while (trackDeltasMs.length < o.trackDeltas.minRuns || ks.events.length - killsBefore < o.trackDeltas.kills) {
    if (trackDeltasMs.length > o.trackDeltas.minRuns + 3 * o.trackDeltas.kills) break; // a target never reached: give up
    if (!ks.isArmed() && ks.events.length - killsBefore < o.trackDeltas.kills) {
      remaining = o.trackDeltas.kills - (ks.events.length - killsBefore);
      ks.arm('trackDeltas', next());
    }
    const t0 = Date.now();
    await execute<TrackDeltasResult>('trackDeltas', {});
    trackDeltasMs.push(Date.now() - t0);
    await ks.settled();
  }
  ks.disarm();
  const writes = await writer.stop();
  await execute<TrackDeltasResult>('trackDeltas', {}); // quiet run: everything written is now below xmin
  await ks.stop();
  const [verify, counts] = [await p.verify(), await rowCounts(p.pg, p.clickhouse)];
  return {
    kills: ks.events, reached: Object.fromEntries(ks.reached), runs: trackDeltasMs.length + 1,
    durations: { initialLoadMs, trackDeltasMs, totalMs: Date.now() - started }, writes, verify, counts,
  };
}
