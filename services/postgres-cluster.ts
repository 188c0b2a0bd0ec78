import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** The password is generated once with the cluster and kept beside it (mode 600). */
export function clusterPassword(stateDir: string, fresh: boolean): string {
  const file = path.join(stateDir, 'postgres-password');
  if (fresh) {
    const password = crypto.randomBytes(18).toString('hex');
    fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing, so the PostgreSQL data in ${stateDir}/postgres cannot be opened; delete ${stateDir} to start afresh`);
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** CREATE DATABASE unless it exists, connecting to `postgres` on the same server. */
export async function createDatabaseIfMissing(url: string, database: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
