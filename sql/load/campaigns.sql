-- ClickHouse pulls one xid (and id) range of PostgreSQL's `campaign` straight into
-- `campaigns`; the WHERE is pushed down to PostgreSQL, where it is an index range scan.
-- It reads the view adpipe.campaign_load, which NULLs dates, timestamps and advertiser
-- ids ClickHouse cannot store and marks rows whose id it cannot store as skip (see
-- rejected_rows). Every row gets the run's version; rows written by a transaction at or
-- above to_xid are left for the next run.
INSERT INTO campaigns (id, name, bid, budget, start_date, end_date, advertiser_id, updated_at, created_at, version, is_deleted)
SELECT id, name, bid, budget, start_date, end_date, advertiser_id, updated_at, created_at, {version:UInt64}, 0
FROM postgresql({pg_address:String}, {pg_database:String}, 'campaign_load', {pg_user:String}, {pg_password:String}, 'adpipe')
WHERE adpipe_xid >= {from_xid:Int64} AND adpipe_xid < {to_xid:Int64}
  AND id >= {id_lo:Int64} AND id < {id_hi:Int64} AND NOT skip
SETTINGS session_timezone = 'UTC'
