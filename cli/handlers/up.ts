import { resolveEndpoints } from '../../lib/endpoints.ts';
import { migrate } from '../../lib/migrate.ts';
import { connectTemporal } from '../../lib/temporal-client.ts';
import { waitForShutdownSignal } from '../../services/shutdown-signal.ts';
import { startEmbeddedStack, type EmbeddedStack } from '../../services/stack.ts';
import { startWorker, type RunningWorker } from '../../worker/create-worker.ts';
import { executeManualRun } from './run-workflow.ts';
import { formatInitialLoad } from './format-initial-load.ts';
import { initialLoad } from '../../workflows/pipeline/initial-load.ts';
import { formatEndpoints, type Output } from './services.ts';
import { configWithFlags, type StackFlags } from './services-config.ts';
import { startWorkerTelemetry, type WorkerTelemetry } from '../../metrics/worker-telemetry.ts';
import { scheduleSettings } from '../../schedules/schedule-settings.ts';
import { logLevelFromEnv } from '../../worker/runtime.ts';
import { applyConfiguredSchedules } from './schedules/apply.ts';

/**
 * `adpipe up` (what `npm start` runs): the embedded stack unless all three servers are
 * configured, OLTP migrations, a worker, the initial load; then serve until Ctrl-C.
 */
export async function runUp(flags: StackFlags, io: Output): Promise<void> {
  const config = configWithFlags(flags);
  const schedules = scheduleSettings(); // a malformed ADPIPE_*_EVERY stops us before anything starts
  const ownServers = Boolean(config.databaseUrl && config.clickhouseUrl && config.temporalAddress);
  let stack: EmbeddedStack | undefined;
  let worker: RunningWorker | undefined;
  let telemetry: WorkerTelemetry | undefined;
  try {
    if (!ownServers) {
      io.out(`Starting the embedded stack (state in ${config.stateDir})…`);
      stack = await startEmbeddedStack({ config, log: (m) => io.out(`  ${m}`) });
    }
    const endpoints = resolveEndpoints(config, stack ? { pid: process.pid, ...stack.endpoints } : undefined);
    const applied = await migrate({ databaseUrl: endpoints.databaseUrl });
    io.out(applied.length ? `Applied OLTP migrations: ${applied.join(', ')}` : 'OLTP schema is up to date.');
    telemetry = await startWorkerTelemetry(endpoints.databaseUrl, { logLevel: logLevelFromEnv(process.env.ADPIPE_LOG_LEVEL) });
    worker = await startWorker(endpoints, config, { metrics: telemetry.metrics });
    io.out(`Worker polling task queue "${config.taskQueue}".${telemetry.url ? ` Prometheus metrics at ${telemetry.url}` : ''}`);
    const temporal = await connectTemporal(endpoints);
    try {
      io.out('Running initialLoad (watch it in the Temporal UI)…');
      const result = await executeManualRun(temporal.client, config.taskQueue, initialLoad, {}, { command: 'adpipe up', notice: io.err });
      for (const line of formatInitialLoad(result)) io.out(`  ${line}`);
      await applyConfiguredSchedules(temporal.client, { taskQueue: config.taskQueue, namespace: config.temporalNamespace, settings: schedules }, io);
    } finally {
      await temporal.close();
    }
    if (stack) for (const line of formatEndpoints(stack.endpoints, config.temporalNamespace)) io.out(line);
    io.out('adpipe is up. Press Ctrl-C to stop.');
    const signal = await Promise.race([waitForShutdownSignal(), worker.done.then(() => undefined)]);
    io.out(`${signal ?? 'worker stopped'}: shutting down…`);
  } finally {
    await worker?.shutdown();
    await telemetry?.close();
    await stack?.stop();
  }
}
