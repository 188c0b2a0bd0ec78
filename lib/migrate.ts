import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

/** The repo's migrations directory (node-pg-migrate SQL files). */
export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/** Where node-pg-migrate records applied migrations. */
const migrationsTable = { schema: 'adpipe', table: 'pgmigrations' } as const;

export interface MigrateInput {
  readonly databaseUrl: string;
  readonly direction?: 'up' | 'down';
  /** How many migrations to apply or revert; all pending (up) or one (down) by default. */
  readonly count?: number;
  readonly log?: (message: string) => void;
}

/** Apply (or revert) OLTP migrations; returns the names run. Idempotent for `up`. */
export async function migrate(input: MigrateInput): Promise<string[]> {
  const direction = input.direction ?? 'up';
  const ran = await runner({
    databaseUrl: input.databaseUrl,
    dir: migrationsDir,
    direction,
    count: input.count ?? (direction === 'up' ? Infinity : 1),
    migrationsTable: migrationsTable.table,
    migrationsSchema: migrationsTable.schema,
    createMigrationsSchema: true,
    singleTransaction: true,
    checkOrder: true,
    log: input.log ?? (() => {}),
    verbose: false,
  });
  return ran.map((m) => m.name);
}
