import type { PipelineTable } from '../../core/tables.ts';

/**
 * Which source rows ClickHouse can store, in PostgreSQL SQL (the rules themselves are
 * functions and views of migration 1732300000050_loadable-rows.sql).
 */
export interface LoadableSource {
  /** Relation a row load reads: the table, or a view that NULLs unstorable fields. */
  readonly from: string;
  /** Rows of `from` a load may write. */
  readonly loadable: string;
  /** Rows to record in rejected_rows (skipped, or loaded with fields NULLed). */
  readonly rejected: {
    readonly from: string;
    /** Rows with a problem; for facts the predicate of a partial index, so it is cheap. */
    readonly where: string;
    readonly reason: string;
    readonly action: string;
  };
  /** Deletes-log rows whose tombstone ClickHouse can store (others were never loaded). */
  readonly tombstoneLoadable: string;
}

const fact = (table: 'impressions' | 'clicks'): LoadableSource => ({
  from: `public.${table}`,
  loadable: 'adpipe.fact_loadable(id, campaign_id, created_at)',
  rejected: {
    from: `public.${table}`,
    where: 'NOT adpipe.fact_loadable(id, campaign_id, created_at)',
    reason: 'adpipe.fact_problem(id, campaign_id, created_at)',
    action: `'skipped'`,
  },
  tombstoneLoadable:
    `adpipe.fact_loadable(row_id::int, (row_data->>'campaign_id')::int, (row_data->>'created_at')::timestamp)`,
});

const dimension = (view: string): LoadableSource => ({
  from: view,
  loadable: 'NOT skip',
  rejected: { from: view, where: 'problem IS NOT NULL', reason: 'problem', action: `CASE WHEN skip THEN 'skipped' ELSE 'nulled' END` },
  tombstoneLoadable: 'row_id >= 1',
});

/** Per pipeline table: where loads read and what they must leave out. */
export const loadableSources: Readonly<Record<PipelineTable, LoadableSource>> = Object.freeze({
  advertisers: dimension('adpipe.advertiser_load'),
  campaigns: dimension('adpipe.campaign_load'),
  impressions: fact('impressions'),
  clicks: fact('clicks'),
});
