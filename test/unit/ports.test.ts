import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../lib/errors.ts';
import { assertPortsFree, findFreePorts, isPortFree, PortInUseError } from '../../services/ports.ts';
import { portRequests } from '../../services/stack.ts';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function occupy(): Promise<number> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

describe('ports', () => {
  it('finds distinct free ports', async () => {
    const ports = await findFreePorts(4);
    expect(new Set(ports).size).toBe(4);
    for (const p of ports) expect(await isPortFree(p)).toBe(true);
  });

  it('sees a taken port', async () => {
    expect(await isPortFree(await occupy())).toBe(false);
  });

  it('names the variable and flag that move a taken port', async () => {
    const [free1, free2, free3] = (await findFreePorts(3)) as [number, number, number];
    const taken = await occupy();
    const requests = portRequests({ postgres: free1, clickhouse: taken, temporal: free2, temporalUi: free3 });
    const error = await assertPortsFree(requests).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect(error).toMatchObject({ port: taken, variable: 'ADPIPE_CLICKHOUSE_PORT' });
    expect((error as Error).message).toMatch(/ClickHouse.*ADPIPE_CLICKHOUSE_PORT.*--clickhouse-port/);
  });

  it('rejects one port given to two services', async () => {
    const [p, q] = (await findFreePorts(2)) as [number, number];
    const requests = portRequests({ postgres: p, clickhouse: q, temporal: p, temporalUi: q + 1 });
    await expect(assertPortsFree(requests)).rejects.toThrow(UsageError);
    await expect(assertPortsFree(requests)).rejects.toThrow(/ADPIPE_PG_PORT and ADPIPE_TEMPORAL_PORT/);
  });
});
