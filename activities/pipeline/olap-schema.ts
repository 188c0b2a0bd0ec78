import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { splitStatements, sqlDir, sqlFile } from '../../lib/sql-files.ts';
import { FailureType, nonRetryable } from '../../core/failures.ts';
import { applyOlapViews } from './olap-views.ts';

/** Versioned schema files, applied in name order, each once. */
export function schemaFiles(): string[] {
  return fs.readdirSync(path.join(sqlDir, 'schema')).filter((f) => f.endsWith('.sql')).sort();
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Create the ClickHouse database, apply every schema file not yet recorded in
 * `schema_migrations`, then re-apply the views and KPI functions (olap-views.ts). A
 * recorded file whose text changed is an error: schema changes go in a new file. A
 * recorded name with no file is history (views moved to sql/views/, a renumbered file)
 * and is skipped. Statements are idempotent (IF NOT EXISTS / OR REPLACE), so a renamed
 * file applied again and two workers applying at once are harmless.
 */
export async function applyOlapSchema(
  server: ClickHouseClient,
  clickhouse: ClickHouseClient,
  database: string,
): Promise<{ applied: string[] }> {
  await server.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` }); // identifier validated by config
  await clickhouse.command({
    query: `CREATE TABLE IF NOT EXISTS schema_migrations (name String, checksum String,
      applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = ReplacingMergeTree ORDER BY name`,
  });
  const recorded = await clickhouse
    .query({ query: 'SELECT name, checksum FROM schema_migrations FINAL', format: 'JSONEachRow' })
    .then((r) => r.json<{ name: string; checksum: string }>());
  const known = new Map(recorded.map((r) => [r.name, r.checksum]));
  const applied: string[] = [];
  for (const file of schemaFiles()) {
    const text = sqlFile(`schema/${file}`);
    const sum = checksum(text);
    const previous = known.get(file);
    if (previous === sum) continue;
    if (previous !== undefined) {
      throw nonRetryable(FailureType.OlapSchemaChanged, `sql/schema/${file} changed after it was applied; put schema changes in a new file`);
    }
    for (const statement of splitStatements(text)) await clickhouse.command({ query: statement });
    await clickhouse.insert({ table: 'schema_migrations', values: [{ name: file, checksum: sum }], format: 'JSONEachRow' });
    applied.push(file);
  }
  await applyOlapViews(clickhouse);
  return { applied };
}
