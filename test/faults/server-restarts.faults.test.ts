import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultPipeline, type FaultPipeline } from './support/fault-pipeline.ts';
import { faultSeed } from './support/harness-stack.ts';
import { startPrivateStack, type PrivateStack } from './support/private-stack.ts';
import { runRestartScenario, type RestartOptions } from './support/restart-scenario.ts';

const log = (m: string) => console.log(`[server-restarts] ${m}`);

/** Each server of a private stack goes away in the middle of a trackDeltas run. */
describe('server restarts during a run', () => {
  let stack: PrivateStack;
  beforeAll(async () => {
    stack = await startPrivateStack(log);
  });
  afterAll(async () => stack?.close());

  const cases: Omit<RestartOptions, 'seed' | 'log'>[] = [
    { service: 'postgres', downMs: 8_000, during: 'loadDelta.start' },
    { service: 'clickhouse', downMs: 30_000, during: 'loadDelta.start' },
    { service: 'temporal', downMs: 15_000, during: 'loadDelta.rows' },
    { service: 'clickhouse', downMs: 10_000, during: 'rebuildReports.start' },
  ];
  for (const c of cases) {
    it(`${c.service} down ${c.downMs / 1000}s from ${c.during}: the run finishes, nothing lost or doubled`, async () => {
      let p: FaultPipeline | undefined;
      try {
        p = await createFaultPipeline(stack.addresses, `restart_${c.service}`);
        const r = await runRestartScenario(stack, p, { ...c, seed: faultSeed(log), log });
        log(`${c.service}: outage ${(r.outageMs / 1000).toFixed(1)}s, run ${(r.runMs / 1000).toFixed(1)}s, max attempt ${r.maxAttempt}, writer errors ${r.writes.errors}`);
        expect(r.runMs).toBeGreaterThanOrEqual(r.outageMs);
        if (c.service !== 'temporal') expect(r.maxAttempt).toBeGreaterThan(1);
        expect(new Set(r.watermarksDuringOutage)).toEqual(c.service === 'postgres' ? new Set() : new Set([r.watermarkBefore]));
        expect(r.verify.differences).toEqual([]);
        expect(r.counts.clickhouse).toEqual(r.counts.postgres);
      } finally {
        await p?.close();
      }
    });
  }
});
