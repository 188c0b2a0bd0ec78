import { sqlIdentifiers, sqlTemplate } from '../../lib/sql-template.ts';
import { sourceTables, type PipelineTable } from '../../core/tables.ts';
import { loadableSources } from './loadable.ts';

/** The fact tables: one statement per family serves both. */
export type FactTable = 'impressions' | 'clicks';

/** A statement for one table, with the parameters that name the table. */
export interface TableStatement {
  readonly query: string;
  readonly tableParams: Readonly<Record<string, string>>;
}

/** A fact table's columns beyond the fact key (id, campaign_id, created_at): ", a, b" or "". */
function attributeSlot(table: FactTable): string {
  const spec = sourceTables[table];
  const key = new Set(['id', ...spec.tombstoneKey.map((k) => k.column)]);
  const more = spec.columns.filter((c) => !key.has(c));
  return more.length === 0 ? '' : `, ${sqlIdentifiers(more)}`;
}

/** A fact-family pull (sql/pipeline/load-fact.sql, sql/backfill/reextract-fact-day.sql) for one fact table. */
export function factPull(file: string, table: FactTable): TableStatement {
  return {
    query: sqlTemplate(file, { attributes: attributeSlot(table) }),
    tableParams: { table: sourceTables[table].target, pg_table: sourceTables[table].source },
  };
}

/** The pull load of one pipeline table, from its family's statement under sql/pipeline/. */
export function pullLoad(table: PipelineTable): TableStatement {
  const spec = sourceTables[table];
  if (spec.kind === 'fact') return factPull('pipeline/load-fact.sql', table as FactTable);
  return {
    query: sqlTemplate('pipeline/load-dimension.sql', { columns: sqlIdentifiers(spec.columns) }),
    tableParams: { table: spec.target, pg_view: adpipeView(loadableSources[table].from) },
  };
}

/** `adpipe.x` → `x`: postgresql() takes the schema (adpipe, in the SQL) apart from the name. */
function adpipeView(relation: string): string {
  const [schema, name] = relation.split('.');
  if (schema !== 'adpipe' || name === undefined) throw new Error(`expected a view in schema adpipe, got ${relation}`);
  return name;
}
