-- ClickHouse pulls one xid (and id) range of a PostgreSQL fact table (pg_table:
-- impressions or clicks) straight into its ClickHouse table; the WHERE is pushed down
-- to PostgreSQL, where it is an index range scan. The `attributes` slot is the columns
-- of the table beyond the fact key (core/tables.ts), each after a comma, or nothing.
-- Every row gets the run's version; rows written by a transaction at or above to_xid
-- are left for the next run.
-- The last three conditions are adpipe.fact_loadable() (migration 1732300000050) in
-- comparisons ClickHouse pushes down: rows whose id, campaign or day ClickHouse cannot
-- store never leave PostgreSQL ('infinity' would fail the whole read); the load records
-- them in rejected_rows instead.
INSERT INTO {table:Identifier} (id, campaign_id, created_at{{attributes}}, version, is_deleted)
SELECT id, ifNull(campaign_id, 0), ifNull(created_at, toDateTime64(0, 6, 'UTC')){{attributes}}, {version:UInt64}, 0
FROM postgresql({pg_address:String}, {pg_database:String}, {pg_table:String}, {pg_user:String}, {pg_password:String}, {pg_schema:String})
WHERE adpipe_xid >= {from_xid:Int64} AND adpipe_xid < {to_xid:Int64}
  AND id >= {id_lo:Int64} AND id < {id_hi:Int64}
  AND id >= 1
  AND (campaign_id IS NULL OR campaign_id >= 1)
  AND (created_at IS NULL OR (created_at >= '1900-01-01 00:00:00' AND created_at < '2300-01-01 00:00:00'))
SETTINGS session_timezone = 'UTC'
