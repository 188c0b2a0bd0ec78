-- Facts, ordered for per-campaign per-day scans. A NULL campaign_id is stored as 0
-- (SERIAL ids start at 1) and a NULL created_at as the epoch, so sort keys stay
-- non-nullable; reports skip campaign 0. The version skip index lets a rebuild find
-- the rows of one run without scanning history.
CREATE TABLE IF NOT EXISTS impressions (
  id UInt32,
  campaign_id UInt32,
  created_at DateTime64(6, 'UTC'),
  version UInt64,
  is_deleted UInt8,
  INDEX version_idx version TYPE minmax GRANULARITY 1
)
ENGINE = ReplacingMergeTree(version, is_deleted)
PARTITION BY toYYYYMM(created_at)
ORDER BY (campaign_id, toDate32(created_at), id);

CREATE TABLE IF NOT EXISTS clicks (
  id UInt32,
  campaign_id UInt32,
  created_at DateTime64(6, 'UTC'),
  version UInt64,
  is_deleted UInt8,
  INDEX version_idx version TYPE minmax GRANULARITY 1
)
ENGINE = ReplacingMergeTree(version, is_deleted)
PARTITION BY toYYYYMM(created_at)
ORDER BY (campaign_id, toDate32(created_at), id);
