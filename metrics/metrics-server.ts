import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** A running /metrics endpoint. */
export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface MetricsServerOptions {
  readonly host: string;
  readonly port: number;
  readonly registry: Registry;
  /** Temporal runtime's own Prometheus endpoint, merged into ours so one scrape gets both. */
  readonly temporalMetricsUrl?: string | undefined;
}

/** Temporal's exposition text, or nothing when its endpoint does not answer (never fails a scrape). */
async function temporalText(url: string | undefined): Promise<string> {
  if (url === undefined) return '';
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

/** Serve GET /metrics: adpipe's registry followed by Temporal's metrics (distinct names, one text format). */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('adpipe serves /metrics only\n');
      return;
    }
    Promise.all([options.registry.metrics(), temporalText(options.temporalMetricsUrl)])
      .then(([ours, temporal]) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(`${ours}\n${temporal}`))
      .catch((err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${err.message}\n`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE'
        ? new Error(`metrics port ${options.port} on ${options.host} is in use; set ADPIPE_METRICS_PORT to a free port (or "off")`)
        : err));
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
