import { collectDefaultMetrics, Registry } from 'prom-client';
import type { LogLevel } from '@temporalio/worker';
import { createKysely, createPgPool } from '../lib/postgres/connect.ts';
import { findFreePorts } from '../services/ports.ts';
import { installRuntime } from '../worker/runtime.ts';
import { metricsConfig } from './metrics-config.ts';
import { startMetricsServer } from './metrics-server.ts';
import { noMetrics, type PipelineMetrics } from './pipeline-metrics.ts';
import { createPrometheusMetrics } from './prometheus-metrics.ts';
import { registerWatermarkLag } from './watermark-lag.ts';

/** The worker's metrics: what activities report to, where it is served, how to stop it. */
export interface WorkerTelemetry {
  readonly metrics: PipelineMetrics;
  /** The /metrics URL, when enabled. */
  readonly url: string | undefined;
  close(): Promise<void>;
}

export interface WorkerTelemetryOptions {
  readonly logLevel?: LogLevel | undefined;
  readonly env?: NodeJS.ProcessEnv;
  /** Temporal's exporter, when the runtime was installed already (installTemporalMetrics). */
  readonly temporalMetricsUrl?: string;
  /** How long a watermark-lag reading is reused (default 10 s). */
  readonly lagCacheMs?: number;
}

/**
 * Install Temporal's runtime with its Prometheus exporter on a private loopback port;
 * returns that exporter's URL. Must run before any worker connection: one runtime per process.
 */
export async function installTemporalMetrics(logLevel?: LogLevel): Promise<string> {
  const [port] = await findFreePorts(1);
  installRuntime({ logLevel, prometheusBindAddress: `127.0.0.1:${port}` });
  return `http://127.0.0.1:${port}/metrics`;
}

/**
 * Serve one /metrics (ADPIPE_METRICS_PORT) with adpipe's counters, watermark lag read
 * from `databaseUrl`, and Temporal's worker metrics; or, when metrics are off, only
 * install the runtime. Call before the worker connects.
 */
export async function startWorkerTelemetry(databaseUrl: string, options: WorkerTelemetryOptions = {}): Promise<WorkerTelemetry> {
  const config = metricsConfig(options.env);
  if (!config.enabled) {
    installRuntime({ logLevel: options.logLevel });
    return { metrics: noMetrics, url: undefined, close: async () => {} };
  }
  const temporalMetricsUrl = options.temporalMetricsUrl ?? (await installTemporalMetrics(options.logLevel));
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'adpipe_' });
  const metrics = createPrometheusMetrics(registry);
  const pool = createPgPool(databaseUrl, { max: 1, applicationName: 'adpipe-metrics', statementTimeoutMs: 5_000 });
  registerWatermarkLag(registry, createKysely(pool), { cacheMs: options.lagCacheMs }); // ended with the pool
  try {
    const server = await startMetricsServer({ ...config, registry, temporalMetricsUrl });
    return {
      metrics,
      url: server.url,
      async close() {
        await server.close();
        await pool.end();
      },
    };
  } catch (err) {
    await pool.end();
    throw err;
  }
}
