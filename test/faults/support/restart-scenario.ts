import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReconcileResult } from '../../../queries/verify/reconcile.ts';
import { startConcurrentWriter, type WriterCounts } from './concurrent-writer.ts';
import type { FaultPipeline } from './fault-pipeline.ts';
import type { PrivateStack, ServiceName } from './private-stack.ts';
import { rowCounts, type RowCounts } from './row-counts.ts';

/** Which server goes down, for how long, from which fault point of a trackDeltas run. */
export interface RestartOptions {
  readonly service: ServiceName;
  readonly downMs: number;
  /** Fault point of the worker that starts the outage (the worker pauses there 1.5 s). */
  readonly during: string;
  readonly seed: number;
  readonly log: (m: string) => void;
}

/** What the run went through, and the comparison with PostgreSQL afterwards. */
export interface RestartResult {
  readonly outageMs: number;
  readonly runMs: number;
  /** Highest attempt number among the run's activities (> 1: something was retried). */
  readonly maxAttempt: number;
  /** Watermarks read during the outage (ClickHouse/Temporal down): all equal to the start. */
  readonly watermarksDuringOutage: string[];
  readonly watermarkBefore: string;
  readonly writes: WriterCounts;
  readonly verify: ReconcileResult;
  readonly counts: { postgres: RowCounts; clickhouse: RowCounts };
}

const watermark = async (p: FaultPipeline) =>
  (await p.pg.query<{ xid: string }>(`SELECT xid::text FROM adpipe.watermarks WHERE table_name = 'impressions'`)).rows[0]?.xid ?? 'none';

/** initialLoad, then a trackDeltas run during which `service` is stopped and started again. */
export async function runRestartScenario(stack: PrivateStack, p: FaultPipeline, o: RestartOptions): Promise<RestartResult> {
  const worker = p.startWorker({ ADPIPE_FAULT_DELAY_MS: `${o.during}:1500` });
  await worker.ready;
  const execute = async (workflow: string, input: object) => {
    const handle = await p.client.workflow.start(workflow, { taskQueue: p.taskQueue, workflowId: `${workflow}-${randomUUID()}`, args: [input] });
    await handle.result();
    return handle;
  };
  await execute('initialLoad', { generateIfEmpty: { advertisers: 2, campaigns: 3, impressions: 5_000, ctr: 0.05, seed: o.seed } });
  const writer = startConcurrentWriter(p.pg, { seed: o.seed });
  await sleep(3_000);
  const watermarkBefore = await watermark(p);
  const samples: string[] = [];
  let outage: Promise<number> | undefined;
  worker.onPoint((pt) => {
    if (pt.point !== o.during || outage) return;
    outage = (async () => {
      const t0 = Date.now();
      o.log(`${o.service} down at ${pt.point}${pt.details.table ? ` (${String(pt.details.table)})` : ''}`);
      await stack.stop(o.service);
      while (Date.now() - t0 < o.downMs) {
        if (o.service !== 'postgres') samples.push(await watermark(p));
        await sleep(1_000);
      }
      await stack.start(o.service);
      o.log(`${o.service} up again after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      return Date.now() - t0;
    })();
  });
  const t0 = Date.now();
  const handle = await execute('trackDeltas', {});
  const runMs = Date.now() - t0;
  const outageMs = (await outage) ?? 0;
  const history = await handle.fetchHistory();
  const maxAttempt = Math.max(1, ...(history.events ?? []).map((e) => e.activityTaskStartedEventAttributes?.attempt ?? 1));
  const writes = await writer.stop();
  await execute('trackDeltas', {}); // quiet run: all writes below xmin now
  await worker.stop();
  return {
    outageMs, runMs, maxAttempt, watermarksDuringOutage: samples, watermarkBefore, writes,
    verify: await p.verify(), counts: await rowCounts(p.pg, p.clickhouse),
  };
}
