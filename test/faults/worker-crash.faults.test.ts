import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrashScenario, type CrashScenarioResult } from './support/crash-scenario.ts';
import { createFaultPipeline, type FaultPipeline } from './support/fault-pipeline.ts';
import { faultSeed, harnessStack } from './support/harness-stack.ts';
import { killSummary, recoverySummary } from './support/kill-summary.ts';
import { initialLoadTargets, quickTargets, target, trackDeltasTargets } from './support/kill-targets.ts';

const log = (m: string) => console.log(`[worker-crash] ${m}`);

function report(r: CrashScenarioResult): void {
  log(`${r.kills.length} kills in ${(r.durations.totalMs / 1000).toFixed(0)}s (initialLoad ${(r.durations.initialLoadMs / 1000).toFixed(0)}s, ` +
    `${r.runs} trackDeltas runs, longest ${(Math.max(...r.durations.trackDeltasMs) / 1000).toFixed(0)}s); where:`);
  for (const line of killSummary(r.kills)) log(line);
  log(recoverySummary(r.kills));
  log(`fault points reached: ${JSON.stringify(r.reached)}`);
  log(`concurrent writes: ${JSON.stringify(r.writes)}; rows now ${JSON.stringify(r.counts.postgres)}`);
}

/** The long crash suite: ≥ 20 SIGKILLs at every step of both workflows, both extract modes. */
const all = [...initialLoadTargets, ...quickTargets.initialLoad];
const pullSequence = ['generateIfEmpty', 'planInitialLoad', 'loadInitialRange.start', 'loadInitialRange.loaded', 'rebuildReports.daily', 'finishInitialLoad'];

describe.each([
  { extractMode: 'pull' as const, initialLoad: pullSequence.map((p) => target(all, p)), deltaKills: 16 },
  { extractMode: 'stream' as const, initialLoad: [target(all, 'loadInitialRange.start'), target(all, 'rebuildReports.start')], deltaKills: 4 },
])('worker SIGKILLed again and again ($extractMode mode)', ({ extractMode, initialLoad, deltaKills }) => {
  const initialKills = initialLoad.length;
  let p: FaultPipeline;
  beforeAll(async () => {
    p = await createFaultPipeline(harnessStack(), `crash_${extractMode}`);
  });
  afterAll(async () => p?.close());

  it(`${initialKills + deltaKills} kills: every workflow finishes and the reports equal PostgreSQL`, async () => {
    const result = await runCrashScenario(p, {
      seed: faultSeed(log),
      extractMode,
      initialData: { advertisers: 4, campaigns: 5, impressions: 10_000, ctr: 0.05 },
      rangeSize: 25_000,
      initialLoad,
      trackDeltas: { kills: deltaKills, targets: [...trackDeltasTargets, ...quickTargets.trackDeltas], minRuns: 4 },
      log,
    });
    report(result);
    expect(result.kills.filter((k) => k.workflow === 'initialLoad')).toHaveLength(initialKills);
    expect(result.kills.filter((k) => k.workflow === 'trackDeltas')).toHaveLength(deltaKills);
    expect(result.verify.differences).toEqual([]);
    expect(result.counts.clickhouse).toEqual(result.counts.postgres);
  });
});
