import { DefaultLogger, Runtime, type LogEntry, type LogLevel } from '@temporalio/worker';

export interface RuntimeOptions {
  /** Lowest level printed (ADPIPE_LOG_LEVEL); default INFO. */
  readonly logLevel?: LogLevel;
  /** host:port for Temporal's Prometheus metrics endpoint, when metrics are wanted. */
  readonly prometheusBindAddress?: string;
}

/** INFO chatter of the SDK itself that says nothing to an operator. */
const quiet = new Set(['Worker state changed', 'Workflow bundle created', 'No Nexus services registered, not polling for Nexus tasks']);
/** Attributes every SDK line carries; dropped to keep lines readable. */
const noise = new Set(['sdkComponent', 'taskQueue', 'namespace', 'runId']);

function printEntry(entry: LogEntry): void {
  if (entry.level === 'INFO' && quiet.has(entry.message)) return;
  const attrs = Object.fromEntries(Object.entries(entry.meta ?? {}).filter(([k]) => !noise.has(k)));
  const time = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  const tail = Object.keys(attrs).length > 0 ? ` ${JSON.stringify(attrs)}` : '';
  process.stderr.write(`${time} ${entry.level} ${entry.message}${tail}\n`);
}

let installed: RuntimeOptions | undefined;

/**
 * Configure Temporal's process-wide runtime once (logging, and metrics when asked),
 * before any worker or connection exists. Later calls are no-ops: the runtime can be
 * installed only once per process.
 */
export function installRuntime(options: RuntimeOptions = {}): void {
  if (installed !== undefined) return;
  installed = options;
  Runtime.install({
    logger: new DefaultLogger(options.logLevel ?? 'INFO', printEntry),
    ...(options.prometheusBindAddress
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: options.prometheusBindAddress } } } }
      : {}),
  });
}

/** Parse ADPIPE_LOG_LEVEL; undefined keeps the default. */
export function logLevelFromEnv(value: string | undefined): LogLevel | undefined {
  const v = value?.trim().toUpperCase();
  return v === 'TRACE' || v === 'DEBUG' || v === 'INFO' || v === 'WARN' || v === 'ERROR' ? v : undefined;
}
