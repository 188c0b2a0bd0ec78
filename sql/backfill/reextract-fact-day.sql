-- Backfill: ClickHouse pulls one UTC day of a PostgreSQL fact table (pg_table:
-- impressions or clicks; one campaign, or all when campaign_id is 0) straight into its
-- ClickHouse table, every row with the backfill's version; the `attributes` slot as in
-- sql/pipeline/load-fact.sql. The WHERE is pushed down to PostgreSQL as a created_at (or
-- campaign_id, created_at) index range scan. No xid bound: whatever is committed now is
-- at least as new as the version says (V = 2 × an xmin taken before this read; later
-- writers get higher ones). Rows ClickHouse cannot store are left in PostgreSQL as every
-- load does (the day itself is in range; the id and campaign conditions are
-- adpipe.fact_loadable(), migration 1732300000050); trackDeltas records them in rejected_rows.
INSERT INTO {table:Identifier} (id, campaign_id, created_at{{attributes}}, version, is_deleted)
SELECT id, ifNull(campaign_id, 0), ifNull(created_at, toDateTime64(0, 6, 'UTC')){{attributes}}, {version:UInt64}, 0
FROM postgresql({pg_address:String}, {pg_database:String}, {pg_table:String}, {pg_user:String}, {pg_password:String}, {pg_schema:String})
WHERE created_at >= toDateTime64({day:Date32}, 6, 'UTC') AND created_at < toDateTime64({day:Date32} + 1, 6, 'UTC')
  AND ({campaign_id:UInt32} = 0 OR campaign_id = {campaign_id:UInt32})
  AND id >= 1 AND (campaign_id IS NULL OR campaign_id >= 1)
SETTINGS session_timezone = 'UTC'
