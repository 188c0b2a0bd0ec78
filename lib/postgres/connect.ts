import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { pgTypes } from './types.ts';

/** Pool options adpipe cares about; the rest are pg's defaults. */
export interface PgPoolOptions {
  readonly max?: number;
  readonly applicationName?: string;
  /** Milliseconds a statement may run before the server cancels it (0: no limit). */
  readonly statementTimeoutMs?: number;
}

/**
 * Session options go into the URL's `options` parameter because pg lets the connection
 * string override config fields; appending keeps any options the user set.
 */
function withSessionOptions(url: string, statementTimeoutMs: number | undefined): string {
  const u = new URL(url);
  const extra = ['-c TimeZone=UTC'];
  if (statementTimeoutMs !== undefined) extra.push(`-c statement_timeout=${statementTimeoutMs}`);
  const existing = u.searchParams.get('options');
  u.searchParams.set('options', [existing, ...extra].filter(Boolean).join(' '));
  return u.toString();
}

/**
 * A pg Pool whose sessions run in UTC and whose results keep exact values: see
 * types.ts (NUMERIC/INT8 as strings, DATE/TIMESTAMP as text, TIMESTAMPTZ as Date).
 */
export function createPgPool(url: string, opts: PgPoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: withSessionOptions(url, opts.statementTimeoutMs),
    max: opts.max ?? 4,
    application_name: opts.applicationName ?? 'adpipe',
    types: pgTypes,
  });
  // An idle client losing its server must not crash the process; the next query fails.
  pool.on('error', () => {});
  return pool;
}

/**
 * A kysely instance over a pool: cheap, holds no connection of its own, so ending the
 * pool is enough. `db.destroy()` would end the pool too: only its owner may call it.
 */
export function createKysely(pool: PostgresPool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
