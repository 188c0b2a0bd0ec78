import type { ColumnType, Generated, Insertable } from 'kysely';

// Value conventions (see connect.ts, which makes the driver return them):
// NUMERIC and BIGINT are decimal strings (exact; never floats), DATE is 'YYYY-MM-DD',
// TIMESTAMP (without time zone, meant as UTC) is PostgreSQL's text form
// 'YYYY-MM-DD HH:MM:SS[.ffffff]' so microseconds survive, TIMESTAMPTZ is a Date.
// Writes to NUMERIC/DATE/TIMESTAMP take strings only: a JS number would be a float, and
// pg sends a Date in the process's local zone, which a TIMESTAMP column silently drops.

/** NUMERIC(10,2) money: '12.34' both ways. */
export type Money = ColumnType<string, string, string>;
/** DATE as 'YYYY-MM-DD'. */
export type DateString = ColumnType<string | null, string | null | undefined, string | null>;
/** TIMESTAMP WITHOUT TIME ZONE (UTC by contract) in PostgreSQL's text form. */
export type Timestamp = ColumnType<string | null, string | null | undefined, string | null>;
/** adpipe's change-tracking stamp: set by the column default and the update trigger only. */
export type ChangeXid = ColumnType<string, never, never>;
/** BIGINT value: read as a decimal string; written as string, bigint or safe number. */
export type Int8 = ColumnType<string, string | bigint | number, string | bigint | number>;

/** `advertiser`, the task's table plus adpipe_xid. */
export interface AdvertiserTable {
  id: Generated<number>;
  name: string;
  updated_at: Timestamp;
  created_at: Timestamp;
  adpipe_xid: ChangeXid;
}

/** `campaign`, the task's table plus adpipe_xid. */
export interface CampaignTable {
  id: Generated<number>;
  name: string;
  bid: Money;
  budget: Money;
  start_date: DateString;
  end_date: DateString;
  advertiser_id: number | null;
  updated_at: Timestamp;
  created_at: Timestamp;
  adpipe_xid: ChangeXid;
}

/** The task's columns of `impressions` and `clicks`, plus adpipe_xid. */
export interface FactTable {
  id: Generated<number>;
  campaign_id: number | null;
  created_at: Timestamp;
  adpipe_xid: ChangeXid;
}

/** `impressions`: the task's columns plus who saw it and how it was targeted (all nullable). */
export interface ImpressionTable extends FactTable {
  user_id: ColumnType<string | null, string | bigint | number | null | undefined, string | bigint | number | null>;
  country: string | null;
  device_type: string | null;
  age_band: string | null;
}

/** `clicks`: the task's columns plus adpipe_xid. */
export type ClickTable = FactTable;

/** `adpipe.deleted_rows`: the old row of every DELETE/TRUNCATE/key move, logged by trigger. */
export interface DeletedRowTable {
  seq: ColumnType<string, never, never>;
  table_name: string;
  row_id: Int8;
  row_data: ColumnType<Record<string, unknown>, string, string>;
  adpipe_xid: ColumnType<string, never, never>;
  deleted_at: ColumnType<Date, never, never>;
}

/** `adpipe.watermarks`: next delta of table_name reads adpipe_xid >= xid. */
export interface WatermarkTable {
  table_name: string;
  xid: Int8;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_run: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

/** `adpipe.load_plans`: the fixed xid cut and range split of one initial load of a table. */
export interface LoadPlanTable {
  load_id: string;
  table_name: string;
  upper_xid: Int8;
  max_id: Int8;
  range_size: Int8;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** `adpipe.load_ranges`: initial-load ranges already durable in ClickHouse. */
export interface LoadRangeTable {
  load_id: string;
  table_name: string;
  range_start: Int8;
  range_end: Int8;
  rows: Int8;
  done_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/**
 * Every table adpipe reads or writes with kysely: the task's tables (generator/store) and
 * the pipeline's state (lib/postgres/state, one repository file per table).
 */
export interface Database {
  advertiser: AdvertiserTable;
  campaign: CampaignTable;
  impressions: ImpressionTable;
  clicks: ClickTable;
  'adpipe.deleted_rows': DeletedRowTable;
  'adpipe.watermarks': WatermarkTable;
  'adpipe.load_plans': LoadPlanTable;
  'adpipe.load_ranges': LoadRangeTable;
}

// Row aliases that code uses; add one when a repository needs it (kysely example style).
export type NewAdvertiser = Insertable<AdvertiserTable>;
export type NewCampaign = Insertable<CampaignTable>;
