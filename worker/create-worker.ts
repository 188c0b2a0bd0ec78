import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Config } from '../lib/config.ts';
import type { Endpoints } from '../lib/endpoints.ts';
import { createActivities } from '../activities/index.ts';
import { createActivityDeps } from './activity-deps.ts';
import { instrumentActivities } from '../metrics/instrument-activities.ts';
import { noMetrics, type PipelineMetrics } from '../metrics/pipeline-metrics.ts';
import { registerSearchAttributes } from './register-search-attributes.ts';
import { installRuntime, logLevelFromEnv } from './runtime.ts';

/** Where the bundler starts: every workflow the worker serves. */
export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

const silentLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export interface RunningWorker {
  readonly worker: Worker;
  /** Resolves when the worker has stopped (after shutdown() or a fatal error). */
  readonly done: Promise<void>;
  /** Stop polling, finish in-flight tasks, close every connection. */
  shutdown(): Promise<void>;
}

/** Connect to Temporal and start a worker for adpipe's workflows and activities. */
export async function startWorker(
  endpoints: Endpoints,
  config: Pick<Config, 'extractMode' | 'taskQueue'>,
  options: { taskQueue?: string; metrics?: PipelineMetrics } = {},
): Promise<RunningWorker> {
  installRuntime({ logLevel: logLevelFromEnv(process.env.ADPIPE_LOG_LEVEL) });
  // Bundle with a silent logger: webpack's module listing means nothing to an operator.
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: silentLogger });
  const owned = createActivityDeps(endpoints, config);
  let connection: NativeConnection | undefined;
  try {
    connection = await NativeConnection.connect({ address: endpoints.temporalAddress });
    const registration = await registerSearchAttributes(connection, endpoints.temporalNamespace); // runs are started with them
    if (registration.error) Runtime.instance().logger.warn('could not register adpipe search attributes', { error: registration.error });
    const worker = await Worker.create({
      connection,
      namespace: endpoints.temporalNamespace,
      taskQueue: options.taskQueue ?? config.taskQueue,
      workflowBundle,
      activities: instrumentActivities(createActivities(owned.deps), options.metrics ?? noMetrics),
      maxConcurrentActivityTaskExecutions: 8,
    });
    const conn = connection;
    const done = worker.run().finally(async () => {
      await owned.close();
      await conn.close();
    });
    return {
      worker,
      done,
      async shutdown() {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await done;
      },
    };
  } catch (err) {
    await owned.close();
    await connection?.close();
    throw err;
  }
}
