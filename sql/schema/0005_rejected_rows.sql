-- Rows (or fields of rows) a load could not store in ClickHouse, with the reason: a fact
-- whose id, campaign_id or created_at does not fit ClickHouse's types is skipped
-- (action 'skipped'); a dimension field that does not fit is loaded as NULL (action
-- 'nulled'). Written by the load that met the row, with that run's row version; a later
-- run writes a tombstone once the source row is fixed or deleted. The rules live in the
-- OLTP migration 1732300000050_loadable-rows.sql. Read rejected_rows_current.
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

CREATE OR REPLACE VIEW rejected_rows_current AS
SELECT table_name, id, action, reason, source_xid, recorded_at
FROM rejected_rows FINAL WHERE is_deleted = 0;
