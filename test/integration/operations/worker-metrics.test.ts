import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentActivities } from '../../../metrics/instrument-activities.ts';
import { installTemporalMetrics, startWorkerTelemetry, type WorkerTelemetry } from '../../../metrics/worker-telemetry.ts';
import { findFreePorts } from '../../../services/ports.ts';
import { testStack } from '../../harness/context.ts';
import { createPipelineFixture, workflowBundle, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { seedCampaign, seedEvents } from '../pipeline/seed.ts';

/** Samples of one metric from Prometheus text, as label maps with values. */
function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  const pattern = new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm');
  return [...text.matchAll(pattern)].map((m) => ({
    labels: Object.fromEntries([...(m[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1]!, l[2]!])),
    value: Number(m[2]),
  }));
}
const value = (text: string, name: string, labels: Record<string, string> = {}) =>
  samples(text, name).find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

describe('worker metrics', () => {
  let telemetry: WorkerTelemetry;
  let f: PipelineFixture;
  let connection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `test-metrics-${randomUUID()}`;
  const scrape = async () => (await fetch(telemetry.url!)).text();
  const execute = (type: string, input: object) =>
    f.client.workflow.execute(type, { taskQueue, workflowId: `${type}-${randomUUID()}`, args: [input] });

  beforeAll(async () => {
    // Before the fixture: the runtime (and its Prometheus exporter) is installed once per process.
    const temporalMetricsUrl = await installTemporalMetrics('WARN');
    f = await createPipelineFixture();
    const [port] = await findFreePorts(1);
    telemetry = await startWorkerTelemetry(f.databaseUrl, { env: { ADPIPE_METRICS_PORT: String(port) }, temporalMetricsUrl, lagCacheMs: 0 });
    connection = await NativeConnection.connect({ address: testStack().temporalAddress });
    worker = await Worker.create({
      connection, namespace: testStack().temporalNamespace, taskQueue,
      workflowBundle: await workflowBundle(),
      activities: instrumentActivities(f.activities, telemetry.metrics),
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await connection?.close();
    await f?.close();
    await telemetry?.close();
  });

  it('counts rows moved per table and rebuilds, and serves Temporal\'s metrics on the same endpoint', async () => {
    const campaign = await seedCampaign(f.pg);
    await seedEvents(f.pg, 'impressions', campaign, 700);
    await seedEvents(f.pg, 'clicks', campaign, 40);
    await execute('initialLoad', { generateIfEmpty: false });
    const text = await scrape();
    expect(value(text, 'adpipe_rows_moved_total', { table: 'impressions', kind: 'rows', phase: 'initial' })).toBe(700);
    expect(value(text, 'adpipe_rows_moved_total', { table: 'clicks', kind: 'rows', phase: 'initial' })).toBe(40);
    expect(value(text, 'adpipe_report_rebuild_duration_seconds_count')).toBe(1);
    expect(samples(text, 'temporal_worker_task_slots_available').length).toBeGreaterThan(0);
    expect(samples(text, 'adpipe_process_cpu_user_seconds_total').length).toBe(1);
  });

  it('reports watermark lag before a delta run and none after it', async () => {
    const { rows } = await f.pg.query<{ id: number }>('SELECT campaign_id AS id FROM impressions LIMIT 1');
    await seedEvents(f.pg, 'impressions', rows[0]!.id, 150);
    await f.pg.query('DELETE FROM clicks WHERE id IN (SELECT id FROM clicks ORDER BY id LIMIT 10)');
    const before = await scrape();
    expect(value(before, 'adpipe_watermark_rows_behind', { table: 'impressions' })).toBe(150);
    expect(value(before, 'adpipe_watermark_deletes_behind', { table: 'clicks' })).toBe(10);
    expect(value(before, 'adpipe_watermark_rows_behind', { table: 'advertisers' })).toBe(0);
    expect(value(before, 'adpipe_watermark_xids_behind', { table: 'impressions' })).toBeGreaterThan(0);

    await execute('trackDeltas', {});
    const after = await scrape();
    expect(value(after, 'adpipe_rows_moved_total', { table: 'impressions', kind: 'rows', phase: 'delta' })).toBe(150);
    expect(value(after, 'adpipe_rows_moved_total', { table: 'clicks', kind: 'tombstones', phase: 'delta' })).toBe(10);
    expect(value(after, 'adpipe_report_rebuild_duration_seconds_count')).toBe(2);
    expect(value(after, 'adpipe_watermark_rows_behind', { table: 'impressions' })).toBe(0);
    expect(value(after, 'adpipe_watermark_deletes_behind', { table: 'clicks' })).toBe(0);
  });

  it('answers only /metrics', async () => {
    const response = await fetch(telemetry.url!.replace('/metrics', '/'));
    expect(response.status).toBe(404);
  });
});
