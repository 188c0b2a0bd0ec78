import crypto from 'node:crypto';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import pg from 'pg';
import { testStack } from './context.ts';

/** A database name that is unique, lower case and a plain identifier (≤ 63 chars for PostgreSQL). */
export function uniqueDatabaseName(prefix = 'test'): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').replace(/^([^a-z_])/, '_$1').slice(0, 40);
  return `${clean}_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
}

/** `url` with its database (path) replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A throwaway PostgreSQL database for one test (file). */
export interface PgTestDatabase {
  readonly name: string;
  readonly url: string;
  /** The same database as ClickHouse reaches it (differs under testcontainers). */
  readonly urlForClickhouse: string;
  /** Drop it, disconnecting whoever is still connected. */
  drop(): Promise<void>;
}

async function asAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testStack().databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE with a unique name on the harness's PostgreSQL. */
export async function createPgDatabase(prefix?: string): Promise<PgTestDatabase> {
  const stack = testStack();
  const name = uniqueDatabaseName(prefix);
  await asAdmin((c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  return {
    name,
    url: withDatabase(stack.databaseUrl, name),
    urlForClickhouse: withDatabase(stack.databaseUrlForClickhouse ?? stack.databaseUrl, name),
    drop: () => asAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)).then(() => {}),
  };
}

/** A throwaway ClickHouse database and a client whose default database it is. */
export interface ClickHouseTestDatabase {
  readonly name: string;
  readonly client: ClickHouseClient;
  /** Close the client and drop the database. */
  drop(): Promise<void>;
}

function clickhouseClient(database?: string): ClickHouseClient {
  const stack = testStack();
  return createClient({ url: stack.clickhouseUrl, username: stack.clickhouseUser, password: stack.clickhousePassword, database });
}

/** CREATE DATABASE with a unique name on the harness's ClickHouse. */
export async function createClickHouseDatabase(prefix?: string): Promise<ClickHouseTestDatabase> {
  const name = uniqueDatabaseName(prefix);
  const admin = clickhouseClient();
  try {
    await admin.command({ query: `CREATE DATABASE ${name}` }); // name is generated: a plain identifier
  } finally {
    await admin.close();
  }
  const client = clickhouseClient(name);
  return {
    name,
    client,
    async drop() {
      await client.close();
      const dropper = clickhouseClient();
      try {
        await dropper.command({ query: `DROP DATABASE IF EXISTS ${name} SYNC` });
      } finally {
        await dropper.close();
      }
    },
  };
}
