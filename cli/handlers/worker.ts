import { loadConfig } from '../../lib/config.ts';
import { resolveEndpoints } from '../../lib/endpoints.ts';
import { waitForShutdownSignal } from '../../services/shutdown-signal.ts';
import { startWorker } from '../../worker/create-worker.ts';
import { logLevelFromEnv } from '../../worker/runtime.ts';
import { startWorkerTelemetry } from '../../metrics/worker-telemetry.ts';
import type { Output } from './services.ts';

/** `adpipe worker`: serve adpipe's task queue until a signal, then drain and exit. */
export async function runWorker(io: Output): Promise<void> {
  const config = loadConfig();
  const endpoints = resolveEndpoints(config);
  const telemetry = await startWorkerTelemetry(endpoints.databaseUrl, { logLevel: logLevelFromEnv(process.env.ADPIPE_LOG_LEVEL) });
  try {
    const running = await startWorker(endpoints, config, { metrics: telemetry.metrics });
    io.out(`Worker polling task queue "${config.taskQueue}" on ${endpoints.temporalAddress} (namespace ${endpoints.temporalNamespace}).`);
    if (telemetry.url) io.out(`Prometheus metrics at ${telemetry.url}`);
    const signal = await Promise.race([waitForShutdownSignal(), running.done.then(() => undefined)]);
    if (signal) io.out(`${signal}: finishing in-flight tasks…`);
    await running.shutdown();
  } finally {
    await telemetry.close();
  }
}
