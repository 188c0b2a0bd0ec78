-- Dimensions: the current row per id wins by version (the extraction run's upper xid
-- bound × 2, tombstones × 2 − 1); is_deleted rows vanish under FINAL.
CREATE TABLE IF NOT EXISTS advertisers (
  id UInt32,
  name String,
  updated_at Nullable(DateTime64(6, 'UTC')),
  created_at Nullable(DateTime64(6, 'UTC')),
  version UInt64,
  is_deleted UInt8
)
ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY id;

CREATE TABLE IF NOT EXISTS campaigns (
  id UInt32,
  name String,
  bid Decimal(10, 2),
  budget Decimal(10, 2),
  start_date Nullable(Date32),
  end_date Nullable(Date32),
  advertiser_id Nullable(UInt32),
  updated_at Nullable(DateTime64(6, 'UTC')),
  created_at Nullable(DateTime64(6, 'UTC')),
  version UInt64,
  is_deleted UInt8
)
ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY id;
