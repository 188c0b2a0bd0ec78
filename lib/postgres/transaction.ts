import type { Kysely, PostgresPool } from 'kysely';
import type pg from 'pg';
import { createKysely } from './connect.ts';
import type { Database } from './schema.ts';

/**
 * One open transaction seen two ways: `db` for typed queries, `client` for what kysely
 * cannot do (COPY). Both run on the same connection, so they see the same writes.
 * `db` is already inside the transaction: do not call `db.transaction()` on it.
 */
export interface PgTx {
  readonly db: Kysely<Database>;
  readonly client: pg.PoolClient;
}

export interface TransactionOptions {
  readonly isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readonly readOnly?: boolean;
}

/** Kysely over one already-checked-out client: every query lands in its transaction. */
function singleClientPool(client: pg.PoolClient): PostgresPool {
  return {
    connect: async () => ({
      query: client.query.bind(client) as never,
      release: () => {},
    }),
    end: async () => {},
  };
}

/** Run `fn` in one transaction: commit on success, roll back (and rethrow) on error. */
export async function withPgTransaction<T>(
  pool: pg.Pool,
  fn: (tx: PgTx) => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const mode = `ISOLATION LEVEL ${(opts.isolation ?? 'read committed').toUpperCase()}`;
    await client.query(`BEGIN ${mode}${opts.readOnly ? ' READ ONLY' : ''}`);
    const result = await fn({ db: createKysely(singleClientPool(client)), client });
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A failed ROLLBACK means the connection is unusable: drop it instead of pooling it.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}
