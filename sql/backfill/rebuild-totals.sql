-- Backfill: rebuild campaign_totals for every campaign with report rows (live or not)
-- in [day_from, day_to] (all_campaigns = 1) or listed in campaign_ids, summing the
-- deduplicated daily rows. Same figures as reports/rebuild-totals.sql.
INSERT INTO campaign_totals (campaign_id, impressions, clicks, spend, first_day, last_day, version, is_deleted)
WITH
  touched AS (
    SELECT DISTINCT campaign_id FROM campaign_daily
    WHERE day BETWEEN {day_from:Date32} AND {day_to:Date32}
      AND ({all_campaigns:UInt8} = 1 OR campaign_id IN {campaign_ids:Array(UInt32)})
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
