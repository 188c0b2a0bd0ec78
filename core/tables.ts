/** The four replicated tables, in load order (dimensions before facts). */
export const pipelineTables = ['advertisers', 'campaigns', 'impressions', 'clicks'] as const;
export type PipelineTable = (typeof pipelineTables)[number];

/** How one PostgreSQL table maps onto its ClickHouse table. */
export interface SourceTable {
  /** ClickHouse table (and the name adpipe uses everywhere). */
  readonly target: PipelineTable;
  /** PostgreSQL table, as the task's schema names it. */
  readonly source: 'advertiser' | 'campaign' | 'impressions' | 'clicks';
  readonly kind: 'dimension' | 'fact';
  /** Columns the source must have (checked before a load; a mismatch is not retryable). */
  readonly requiredColumns: readonly string[];
  /** ClickHouse columns a row load writes (before version, is_deleted). */
  readonly columns: readonly string[];
  /** PostgreSQL expressions producing `columns` for the worker's COPY stream. */
  readonly copySelect: string;
  /** PostgreSQL expressions over adpipe.deleted_rows.row_data giving a tombstone's sort key. */
  readonly tombstoneKey: readonly { readonly column: string; readonly fromRowData: string }[];
}

const factKey = [
  { column: 'campaign_id', fromRowData: `coalesce((row_data->>'campaign_id')::int, 0)` },
  { column: 'created_at', fromRowData: `coalesce((row_data->>'created_at')::timestamp, 'epoch')` },
] as const;

const factColumns = ['id', 'campaign_id', 'created_at'];
const factCopySelect = `id, coalesce(campaign_id, 0), coalesce(created_at, 'epoch')`;
// Impressions also carry who saw them and how they were targeted (nullable; forecasting).
const impressionAttributes = ['user_id', 'country', 'device_type', 'age_band'];

export const sourceTables: Readonly<Record<PipelineTable, SourceTable>> = Object.freeze({
  advertisers: {
    target: 'advertisers', source: 'advertiser', kind: 'dimension',
    columns: ['id', 'name', 'updated_at', 'created_at'],
    copySelect: 'id, name, updated_at, created_at',
    requiredColumns: ['id', 'name', 'updated_at', 'created_at', 'adpipe_xid'], tombstoneKey: [],
  },
  campaigns: {
    target: 'campaigns', source: 'campaign', kind: 'dimension',
    columns: ['id', 'name', 'bid', 'budget', 'start_date', 'end_date', 'advertiser_id', 'updated_at', 'created_at'],
    copySelect: 'id, name, bid, budget, start_date, end_date, advertiser_id, updated_at, created_at',
    requiredColumns: ['id', 'name', 'bid', 'budget', 'start_date', 'end_date', 'advertiser_id', 'updated_at', 'created_at', 'adpipe_xid'],
    tombstoneKey: [],
  },
  impressions: {
    target: 'impressions', source: 'impressions', kind: 'fact',
    columns: [...factColumns, ...impressionAttributes], copySelect: `${factCopySelect}, ${impressionAttributes.join(', ')}`,
    requiredColumns: ['id', 'campaign_id', 'created_at', 'adpipe_xid', ...impressionAttributes], tombstoneKey: factKey,
  },
  clicks: {
    target: 'clicks', source: 'clicks', kind: 'fact',
    columns: factColumns, copySelect: factCopySelect,
    requiredColumns: ['id', 'campaign_id', 'created_at', 'adpipe_xid'], tombstoneKey: factKey,
  },
});

/** Type guard for table names arriving from CLI flags or workflow inputs. */
export function isPipelineTable(name: string): name is PipelineTable {
  return (pipelineTables as readonly string[]).includes(name);
}
