import type pg from 'pg';
import { loadConfig, type Config } from '../../lib/config.ts';
import { resolveEndpoints } from '../../lib/endpoints.ts';
import { createPgPool } from '../../lib/postgres/connect.ts';

/**
 * PostgreSQL URL for commands that only need the OLTP database: DATABASE_URL, else the
 * running embedded stack's. Asks resolveEndpoints only when DATABASE_URL is unset, since
 * it also insists on ClickHouse and Temporal addresses these commands never use.
 */
export function resolveDatabaseUrl(config: Config = loadConfig()): string {
  return config.databaseUrl ?? resolveEndpoints(config).databaseUrl;
}

/** Open a pool on the resolved database, run `fn`, and always close the pool. */
export async function withDatabase<T>(fn: (pool: pg.Pool) => Promise<T>, url = resolveDatabaseUrl()): Promise<T> {
  const pool = createPgPool(url, { applicationName: 'adpipe-cli' });
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}
