import { ConfigError } from '../lib/errors.ts';

/** Where the worker serves /metrics. */
export interface MetricsConfig {
  /** False when ADPIPE_METRICS_PORT is "off" (or 0). */
  readonly enabled: boolean;
  readonly host: string;
  readonly port: number;
}

/** Defaults: Prometheus' conventional exporter port, loopback only (set ADPIPE_METRICS_HOST=0.0.0.0 to be scraped from elsewhere). */
export const metricsDefaults = { port: 9464, host: '127.0.0.1' } as const;

/** Read ADPIPE_METRICS_PORT and ADPIPE_METRICS_HOST; a malformed value names its variable. */
export function metricsConfig(env: NodeJS.ProcessEnv = process.env): MetricsConfig {
  const portText = env.ADPIPE_METRICS_PORT?.trim() || String(metricsDefaults.port);
  const host = env.ADPIPE_METRICS_HOST?.trim() || metricsDefaults.host;
  if (portText === 'off' || portText === '0') return Object.freeze({ enabled: false, host, port: 0 });
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError(`ADPIPE_METRICS_PORT: must be a port number (1-65535) or "off", got "${portText}"`, 'ADPIPE_METRICS_PORT');
  }
  return Object.freeze({ enabled: true, host, port });
}
