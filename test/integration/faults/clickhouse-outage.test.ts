import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultPipeline, type FaultPipeline } from '../../faults/support/fault-pipeline.ts';
import { faultSeed } from '../../faults/support/harness-stack.ts';
import { startPrivateStack, type PrivateStack } from '../../faults/support/private-stack.ts';
import { runRestartScenario } from '../../faults/support/restart-scenario.ts';

const log = (m: string) => console.log(`[clickhouse-outage] ${m}`);

/** Short version of test/faults/server-restarts.faults.test.ts: one outage, 10 s. */
describe('the ClickHouse endpoint goes away for 10 s in the middle of a delta load', () => {
  let stack: PrivateStack;
  let p: FaultPipeline;
  beforeAll(async () => {
    stack = await startPrivateStack(log); // restarting the harness's ClickHouse would disturb other tests
    p = await createFaultPipeline(stack.addresses, 'ch_outage');
  });
  afterAll(async () => {
    await p?.close();
    await stack?.close();
  });

  it('the run retries with backoff, the watermark waits, and nothing is lost or doubled', async () => {
    const r = await runRestartScenario(stack, p, { service: 'clickhouse', downMs: 10_000, during: 'loadDelta.start', seed: faultSeed(log), log });
    log(`outage ${(r.outageMs / 1000).toFixed(1)}s, run ${(r.runMs / 1000).toFixed(1)}s, max attempt ${r.maxAttempt}`);
    expect(r.runMs).toBeGreaterThanOrEqual(r.outageMs);
    expect(r.maxAttempt).toBeGreaterThan(1);
    expect(r.watermarksDuringOutage.length).toBeGreaterThan(5);
    expect(new Set(r.watermarksDuringOutage)).toEqual(new Set([r.watermarkBefore]));
    expect(r.verify.differences).toEqual([]);
    expect(r.counts.clickhouse).toEqual(r.counts.postgres);
  }, 300_000);
});
