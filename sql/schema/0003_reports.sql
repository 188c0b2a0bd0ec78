-- Report tables hold counts and money only; ratios and date-dependent KPIs are computed
-- in the *_report views (0004) so they are defined once and never go stale.
-- A rebuild inserts the whole row again with a newer version (its start time in µs), so
-- readers never see a half-built report; a key with no data left gets a tombstone.
CREATE TABLE IF NOT EXISTS campaign_daily (
  campaign_id UInt32,
  day Date32,
  impressions UInt64,
  clicks UInt64,
  bid Decimal(10, 2),
  spend Decimal(38, 2),
  version UInt64,
  is_deleted UInt8
)
ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY (campaign_id, day);

CREATE TABLE IF NOT EXISTS campaign_totals (
  campaign_id UInt32,
  impressions UInt64,
  clicks UInt64,
  spend Decimal(38, 2),
  first_day Nullable(Date32),
  last_day Nullable(Date32),
  version UInt64,
  is_deleted UInt8
)
ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY campaign_id;
