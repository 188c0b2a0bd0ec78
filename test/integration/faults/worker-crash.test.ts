import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrashScenario } from '../../faults/support/crash-scenario.ts';
import { createFaultPipeline, type FaultPipeline } from '../../faults/support/fault-pipeline.ts';
import { faultSeed, harnessStack } from '../../faults/support/harness-stack.ts';
import { recoverySummary } from '../../faults/support/kill-summary.ts';
import { trackDeltasTargets } from '../../faults/support/kill-targets.ts';

const log = (m: string) => console.log(`[worker-crash] ${m}`);

/**
 * Short version of test/faults/worker-crash.faults.test.ts: two kills during trackDeltas
 * instead of twenty-odd everywhere (each costs the 20 s heartbeat timeout; initialLoad's
 * kills are in the long suite).
 */
describe('worker killed with SIGKILL while generators write', () => {
  let p: FaultPipeline;
  beforeAll(async () => {
    p = await createFaultPipeline(harnessStack(), 'crash');
  });
  afterAll(async () => p?.close());

  it('trackDeltas finishes after two restarts and the reports equal PostgreSQL', async () => {
    const result = await runCrashScenario(p, {
      seed: faultSeed(log),
      initialData: { advertisers: 2, campaigns: 3, impressions: 5_000, ctr: 0.05 },
      rangeSize: 10_000,
      initialLoad: [],
      trackDeltas: { kills: 2, targets: trackDeltasTargets, minRuns: 1 },
      log,
    });
    log(`${result.kills.length} kills, ${result.runs} trackDeltas runs, ${(result.durations.totalMs / 1000).toFixed(0)}s; writes ${JSON.stringify(result.writes)}`);
    log(recoverySummary(result.kills));
    expect(result.kills.map((k) => k.workflow)).toEqual(['trackDeltas', 'trackDeltas']);
    expect(result.writes.impressions).toBeGreaterThan(0);
    expect(result.verify.differences).toEqual([]);
    expect(result.counts.clickhouse).toEqual(result.counts.postgres);
  }, 300_000);
});
