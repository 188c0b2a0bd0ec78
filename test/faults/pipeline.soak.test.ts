import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchedules } from '../../schedules/apply-schedules.ts';
import { scheduleDefinitions } from '../../schedules/definitions.ts';
import { scheduleIdOf } from '../../schedules/desired-schedule.ts';
import { registeredWorkflowTypes } from '../../schedules/registered-workflows.ts';
import { scheduleSettings } from '../../schedules/schedule-settings.ts';
import { startConcurrentWriter } from './support/concurrent-writer.ts';
import { createFaultPipeline, type FaultPipeline } from './support/fault-pipeline.ts';
import { faultSeed, harnessStack } from './support/harness-stack.ts';
import { rowCounts } from './support/row-counts.ts';
import type { WorkerProcess } from './support/worker-process.ts';

const minutes = Number(process.env.ADPIPE_SOAK_MINUTES ?? 10);
const log = (m: string) => console.log(`[soak] ${m}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Events in the histories of a schedule's recent runs (Temporal keeps the last ten). */
async function recentHistoryLengths(client: Client, scheduleId: string): Promise<number[]> {
  const d = await client.schedule.getHandle(scheduleId).describe();
  const ids = d.info.recentActions.map((a) => a.action.workflow.workflowId);
  return Promise.all(ids.map(async (id) => (await client.workflow.getHandle(id).fetchHistory()).events?.length ?? 0));
}

/**
 * The schedules at accelerated intervals (trackDeltas every 10 s, generateNewData every
 * 5 s) plus a foreign writer, for ADPIPE_SOAK_MINUTES (default 10): no difference at the
 * end, worker memory flat, every run's history small.
 */
describe(`soak: ${minutes} minutes of scheduled runs under load`, () => {
  let p: FaultPipeline;
  let worker: WorkerProcess;
  const idPrefix = `soak-${randomUUID().slice(0, 8)}-`;
  const id = (name: string) => scheduleIdOf({ id: name as never }, { idPrefix });
  beforeAll(async () => {
    p = await createFaultPipeline(harnessStack(), 'soak');
  });
  afterAll(async () => {
    for (const d of scheduleDefinitions) await p?.client.schedule.getHandle(id(d.id)).delete().catch(() => {});
    await p?.close();
  });

  it('reports equal PostgreSQL, RSS stays flat, histories stay bounded', async () => {
    worker = p.startWorker();
    await worker.ready;
    const seed = faultSeed(log);
    await (await p.client.workflow.start('initialLoad', {
      taskQueue: p.taskQueue, workflowId: `initialLoad-${randomUUID()}`,
      args: [{ generateIfEmpty: { advertisers: 3, campaigns: 4, impressions: 5_000, ctr: 0.05, seed } }],
    })).result();
    const settings = scheduleSettings({ ADPIPE_TRACK_DELTAS_EVERY: '10s', ADPIPE_GENERATE_NEW_DATA_EVERY: '5s', ADPIPE_GENERATE_MAX_SLEEP_SECONDS: '3' });
    const applied = await applySchedules(p.client, { taskQueue: p.taskQueue, idPrefix, settings, registered: await registeredWorkflowTypes() });
    log(`schedules: ${applied.map((a) => `${a.scheduleId} ${a.outcome}`).join(', ')}`);
    await p.client.schedule.getHandle(id('retrain-forecast')).pause('soak: not part of it').catch(() => {});
    const writer = startConcurrentWriter(p.pg, { seed, pauseMs: 100 });
    const rss: number[] = [];
    const started = Date.now();
    while (Date.now() - started < minutes * 60_000) {
      await sleep(30_000);
      const mib = worker.rssMiB();
      if (mib === undefined) throw new Error(`the worker died:\n${worker.tail()}`);
      rss.push(Math.round(mib));
      const { rows } = await p.pg.query<{ lag: string }>(`SELECT round(extract(epoch FROM now() - min(updated_at)))::text AS lag FROM adpipe.watermarks`);
      log(`${((Date.now() - started) / 60_000).toFixed(1)} min: worker RSS ${rss.at(-1)} MiB, oldest watermark advanced ${rows[0]!.lag}s ago, writes ${JSON.stringify(writer.counts)}`);
    }
    const writes = await writer.stop();
    for (const d of scheduleDefinitions) await p.client.schedule.getHandle(id(d.id)).pause('soak: done').catch(() => {});
    const tracked = await p.client.schedule.getHandle(id('track-deltas')).describe();
    const generated = await p.client.schedule.getHandle(id('generate-new-data')).describe();
    const histories = { trackDeltas: await recentHistoryLengths(p.client, id('track-deltas')), generateNewData: await recentHistoryLengths(p.client, id('generate-new-data')) };
    await sleep(15_000); // let the last scheduled runs finish
    await (await p.client.workflow.start('trackDeltas', { taskQueue: p.taskQueue, workflowId: `trackDeltas-final-${randomUUID()}`, args: [{}] })).result();
    const verify = await p.verify();
    const counts = await rowCounts(p.pg, p.clickhouse);
    log(`trackDeltas runs ${tracked.info.numActionsTaken} (skipped as overlapping ${tracked.info.numActionsSkippedOverlap}), generateNewData runs ${generated.info.numActionsTaken}`);
    log(`history events of recent runs: ${JSON.stringify(histories)}; writer ${JSON.stringify(writes)}; rows ${JSON.stringify(counts.postgres)}`);
    log(`worker RSS (MiB) every 30 s: ${rss.join(' ')}`);
    expect(verify.differences).toEqual([]);
    expect(counts.clickhouse).toEqual(counts.postgres);
    expect(tracked.info.numActionsTaken).toBeGreaterThanOrEqual(minutes * 3);
    // Flat: after warm-up (first third), the last third's median within 25% of the middle third's.
    const third = Math.max(1, Math.floor(rss.length / 3));
    const [middle, last] = [median(rss.slice(third, 2 * third)), median(rss.slice(-third))];
    expect(last).toBeLessThanOrEqual(middle * 1.25);
    // Each run is one short workflow (no loop, so no continue-as-new needed): a few dozen events.
    expect(Math.max(...histories.trackDeltas, ...histories.generateNewData)).toBeLessThan(100);
  });
});
