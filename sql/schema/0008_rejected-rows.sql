-- Rows (or fields of rows) a load could not store in ClickHouse, with the reason: a fact
-- whose id, campaign_id or created_at does not fit ClickHouse's types is skipped
-- (action 'skipped'); a dimension field that does not fit is loaded as NULL (action
-- 'nulled'). Written by the load that met the row, with that run's row version; a later
-- run writes a tombstone once the source row is fixed or deleted. The rules live in the
-- OLTP migration 1732300000050_loadable-rows.sql. Read rejected_rows_current
-- (sql/views/rejected-rows.sql).
-- Was 0005_rejected_rows.sql, which shared its number with 0005_impression-attributes.sql
-- (and held the view too): a database that recorded that name runs this file once more,
-- which changes nothing there.
CREATE TABLE IF NOT EXISTS rejected_rows (
  table_name LowCardinality(String),
  id Int64,
  action LowCardinality(String),
  reason String,
  source_xid Int64,
  recorded_at DateTime64(3, 'UTC') DEFAULT now64(3),
  version UInt64,
  is_deleted UInt8
)
ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY (table_name, id);
