import net from 'node:net';
import { UsageError } from '../lib/errors.ts';

/** A port the embedded stack needs is taken; names the setting that moves it. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  readonly port: number;
  /** Environment variable that sets this port, e.g. ADPIPE_PG_PORT. */
  readonly variable: string;
  constructor(service: string, port: number, variable: string, flag: string) {
    super(
      `port ${port} for ${service} is already in use on 127.0.0.1; ` +
        `set ${variable} (or ${flag}) to a free port, or stop what listens there`,
    );
    this.port = port;
    this.variable = variable;
  }
}

/** One port to check: what uses it and how a user changes it. */
export interface PortRequest {
  readonly service: string;
  readonly port: number;
  readonly variable: string;
  readonly flag: string;
}

/** Resolve true when 127.0.0.1:port can be bound right now. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') resolve(false);
      else reject(err);
    });
    // exclusive: a port shared by a cluster primary is still "taken" for our purpose
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Throw PortInUseError for the first taken port; checks all before any service starts. */
export async function assertPortsFree(requests: readonly PortRequest[]): Promise<void> {
  const seen = new Map<number, PortRequest>();
  for (const r of requests) {
    const other = seen.get(r.port);
    if (other) {
      throw new UsageError(
        `${other.variable} and ${r.variable} are both ${r.port}; give ${other.service} and ${r.service} their own ports`,
        r.variable,
      );
    }
    seen.set(r.port, r);
  }
  const free = await Promise.all(requests.map((r) => isPortFree(r.port)));
  const taken = requests.find((_, i) => !free[i]);
  if (taken) throw new PortInUseError(taken.service, taken.port, taken.variable, taken.flag);
}

/**
 * Ports the OS reports free, distinct from each other. All are held open until
 * every one is chosen, so the OS cannot hand out the same port twice.
 */
export async function findFreePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port: 0, host, exclusive: true }, () => resolve());
      });
    }
    return servers.map((s) => (s.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}
