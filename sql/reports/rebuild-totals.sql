-- Rebuild campaign_totals for a key set: every campaign the `keys` slot lists (one of the
-- campaign selections in sql/reports/keys/), summing its deduplicated daily rows.
-- totals_version is ClickHouse's clock read after the daily write (clickhouse-clock.ts),
-- so the total read last wins. A campaign with no daily rows left gets a tombstone.
INSERT INTO campaign_totals (campaign_id, impressions, clicks, spend, first_day, last_day, version, is_deleted)
WITH
  touched AS (
    SELECT DISTINCT campaign_id FROM ({{keys}})
  ),
  agg AS (
    SELECT campaign_id, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(spend) AS spend,
           min(day) AS first_day, max(day) AS last_day
    FROM campaign_daily FINAL
    WHERE campaign_id IN touched AND is_deleted = 0
    GROUP BY campaign_id
  )
SELECT
  t.campaign_id,
  ifNull(agg.impressions, 0),
  ifNull(agg.clicks, 0),
  toDecimal128(ifNull(agg.spend, 0), 2),
  agg.first_day,
  agg.last_day,
  {totals_version:UInt64},
  toUInt8(agg.campaign_id IS NULL)
FROM touched AS t
LEFT JOIN agg ON agg.campaign_id = t.campaign_id
SETTINGS join_use_nulls = 1
