-- Rebuild campaign_daily for every (campaign, day) a load touched: fact rows (and
-- tombstones) whose version lies in [version_lo, version_hi], plus every day of a
-- campaign whose bid or existence changed (spend = clicks × current bid).
-- Keys left with no impressions and no clicks get a tombstone.
INSERT INTO campaign_daily (campaign_id, day, impressions, clicks, bid, spend, version, is_deleted)
WITH
  changed_campaigns AS (
    SELECT id FROM campaigns WHERE version BETWEEN {version_lo:UInt64} AND {version_hi:UInt64}
  ),
  touched AS (
    SELECT DISTINCT campaign_id, day FROM (
      SELECT campaign_id, toDate32(created_at) AS day FROM impressions
        WHERE version BETWEEN {version_lo:UInt64} AND {version_hi:UInt64}
      UNION ALL
      SELECT campaign_id, toDate32(created_at) AS day FROM clicks
        WHERE version BETWEEN {version_lo:UInt64} AND {version_hi:UInt64}
      UNION ALL
      SELECT campaign_id, toDate32(created_at) AS day FROM impressions WHERE campaign_id IN changed_campaigns
      UNION ALL
      SELECT campaign_id, toDate32(created_at) AS day FROM clicks WHERE campaign_id IN changed_campaigns
      UNION ALL
      SELECT campaign_id, day FROM campaign_daily WHERE campaign_id IN changed_campaigns
    )
    WHERE campaign_id != 0
  ),
  imp AS (
    SELECT campaign_id, toDate32(created_at) AS day, count() AS n
    FROM impressions FINAL
    WHERE (campaign_id, toDate32(created_at)) IN touched
    GROUP BY campaign_id, day
  ),
  clk AS (
    SELECT campaign_id, toDate32(created_at) AS day, count() AS n
    FROM clicks FINAL
    WHERE (campaign_id, toDate32(created_at)) IN touched
    GROUP BY campaign_id, day
  ),
  cmp AS (
    SELECT id, bid FROM campaigns FINAL WHERE id IN (SELECT campaign_id FROM touched)
  )
SELECT
  t.campaign_id,
  t.day,
  imp.n AS impressions,
  clk.n AS clicks,
  cmp.bid AS bid,
  toDecimal128(toDecimal128(clk.n, 0) * cmp.bid, 2) AS spend, -- Decimal128 first: UInt64 × Decimal(10,2) is Decimal64 and overflows
  {report_version:UInt64} AS version,
  toUInt8(impressions = 0 AND clicks = 0) AS is_deleted
FROM touched AS t
LEFT JOIN imp ON imp.campaign_id = t.campaign_id AND imp.day = t.day
LEFT JOIN clk ON clk.campaign_id = t.campaign_id AND clk.day = t.day
LEFT JOIN cmp ON cmp.id = t.campaign_id
SETTINGS join_use_nulls = 0, do_not_merge_across_partitions_select_final = 1
