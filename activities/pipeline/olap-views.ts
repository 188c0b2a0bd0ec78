import fs from 'node:fs';
import path from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { splitStatements, sqlDir, sqlFile } from '../../lib/sql-files.ts';

/**
 * The repeatable files under sql/views/, in dependency order: KPI functions, then the
 * views that read tables only, then the report views built on both.
 */
export const viewFiles = [
  'kpi-functions.sql',
  'current-rows.sql',
  'rejected-rows.sql',
  'campaign-totals-report.sql',
  'campaign-daily-report.sql',
] as const;

/** The .sql files sql/views/ holds (a unit test checks viewFiles lists each once). */
export function viewFilesOnDisk(): string[] {
  return fs.readdirSync(path.join(sqlDir, 'views')).filter((f) => f.endsWith('.sql')).sort();
}

/**
 * Create or replace every view and KPI function. They hold no data, so unlike schema
 * files they are re-applied on every start: a changed definition is simply the file's
 * new text, and CREATE OR REPLACE swaps it in without readers seeing it missing.
 */
export async function applyOlapViews(clickhouse: ClickHouseClient): Promise<void> {
  for (const file of viewFiles) {
    for (const statement of splitStatements(sqlFile(`views/${file}`))) await clickhouse.command({ query: statement });
  }
}
