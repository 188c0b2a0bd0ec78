import type { Pool } from 'pg';
import { FailureType, nonRetryable } from '../../core/failures.ts';
import { pipelineTables, sourceTables } from '../../core/tables.ts';

/**
 * Check that every source table has the columns the pipeline reads, including the
 * change-tracking column the migrations add. A mismatch needs a person (run
 * `adpipe migrate`), so it fails without retrying.
 */
export async function checkSourceSchema(pg: Pool): Promise<void> {
  // Columns of a table the role may not read are invisible below: say so, not "migrate".
  const { rows: denied } = await pg.query<{ t: string; role: string }>(
    `SELECT t, current_user::text AS role FROM unnest($1::text[]) AS t
     WHERE to_regclass('public.' || quote_ident(t)) IS NOT NULL AND NOT has_table_privilege('public.' || quote_ident(t), 'SELECT')`,
    [pipelineTables.map((t) => sourceTables[t].source)],
  );
  if (denied.length > 0) {
    throw nonRetryable(FailureType.SourcePermissionDenied,
      `role ${denied[0]!.role} may not SELECT ${denied.map((d) => d.t).join(', ')}; grant what docs/security.md lists`);
  }
  const { rows } = await pg.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = ANY($1::text[])`,
    [pipelineTables.map((t) => sourceTables[t].source)],
  );
  const have = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  const missing = pipelineTables.flatMap((t) =>
    sourceTables[t].requiredColumns.map((c) => `${sourceTables[t].source}.${c}`).filter((c) => !have.has(c)),
  );
  if (missing.length > 0) {
    throw nonRetryable(
      FailureType.SourceSchemaMismatch,
      `PostgreSQL is missing ${missing.join(', ')}; run \`adpipe migrate\` against this database first`,
    );
  }
}
