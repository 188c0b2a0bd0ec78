import { createClickHouse } from '../lib/clickhouse.ts';
import { createKysely, createPgPool } from '../lib/postgres/connect.ts';
import type { Config } from '../lib/config.ts';
import type { Endpoints } from '../lib/endpoints.ts';
import type { ActivityDeps } from '../activities/index.ts';
import { pgAddressFromUrl } from '../activities/pipeline/pg-address.ts';

/** Real dependencies for the activities, and how to close them. */
export interface OwnedDeps {
  readonly deps: ActivityDeps;
  close(): Promise<void>;
}

/** Build the pools and clients activities close over. */
export function createActivityDeps(endpoints: Endpoints, config: Pick<Config, 'extractMode'>): OwnedDeps {
  const pool = createPgPool(endpoints.databaseUrl, { max: 10, applicationName: 'adpipe-worker' });
  const clickhouse = createClickHouse(endpoints);
  const clickhouseServer = createClickHouse(endpoints, { withDatabase: false });
  return {
    deps: {
      pg: pool,
      db: createKysely(pool), // ended with the pool below, never destroyed on its own
      clickhouse,
      clickhouseServer,
      clickhouseDatabase: endpoints.clickhouseDatabase,
      pgForClickhouse: pgAddressFromUrl(endpoints.databaseUrlForClickhouse),
      extractMode: config.extractMode,
    },
    async close() {
      await Promise.allSettled([pool.end(), clickhouse.close(), clickhouseServer.close()]);
    },
  };
}
