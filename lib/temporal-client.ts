import { Client, Connection } from '@temporalio/client';
import type { Endpoints } from './endpoints.ts';

/** A Temporal client and the connection to close when done. */
export interface TemporalHandle {
  readonly client: Client;
  close(): Promise<void>;
}

/** Connect a client to the configured Temporal server and namespace. */
export async function connectTemporal(endpoints: Pick<Endpoints, 'temporalAddress' | 'temporalNamespace'>): Promise<TemporalHandle> {
  const connection = await Connection.connect({ address: endpoints.temporalAddress, connectTimeout: '10 seconds' });
  return {
    client: new Client({ connection, namespace: endpoints.temporalNamespace }),
    close: () => connection.close(),
  };
}
