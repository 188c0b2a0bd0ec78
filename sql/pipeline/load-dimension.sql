-- ClickHouse pulls one xid (and id) range of a PostgreSQL dimension straight into its
-- ClickHouse table (advertisers, campaigns); the WHERE is pushed down to PostgreSQL,
-- where it is an index range scan. It reads the dimension's load view (pg_view:
-- adpipe.advertiser_load, adpipe.campaign_load), which NULLs fields ClickHouse cannot
-- store and marks rows whose id it cannot store as skip (see rejected_rows).
-- The `columns` slot is the table's columns (core/tables.ts). Every row gets the run's version;
-- rows written by a transaction at or above to_xid are left for the next run.
INSERT INTO {table:Identifier} ({{columns}}, version, is_deleted)
SELECT {{columns}}, {version:UInt64}, 0
FROM postgresql({pg_address:String}, {pg_database:String}, {pg_view:String}, {pg_user:String}, {pg_password:String}, 'adpipe')
WHERE adpipe_xid >= {from_xid:Int64} AND adpipe_xid < {to_xid:Int64}
  AND id >= {id_lo:Int64} AND id < {id_hi:Int64} AND NOT skip
SETTINGS session_timezone = 'UTC'
