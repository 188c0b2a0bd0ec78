-- Backfill: rebuild campaign_daily for every (campaign, day) of a scope, days in
-- [day_from, day_to] and every campaign (all_campaigns = 1) or those in campaign_ids.
-- Keys come from the fact rows of the scope, live or tombstoned, and from the report's
-- own rows, so a day whose rows all went away is rebuilt too (and tombstoned).
-- Same figures as reports/rebuild-daily.sql; the scope is chosen by key, not by version,
-- because a backfill's versions can repeat (an idle database keeps the same xmin).
INSERT INTO campaign_daily (campaign_id, day, impressions, clicks, bid, spend, version, is_deleted)
WITH
  touched AS (
    SELECT DISTINCT campaign_id, day FROM (
      SELECT campaign_id, toDate32(created_at) AS day FROM impressions
        WHERE toDate32(created_at) BETWEEN {day_from:Date32} AND {day_to:Date32}
          AND ({all_campaigns:UInt8} = 1 OR campaign_id IN {campaign_ids:Array(UInt32)})
      UNION ALL
      SELECT campaign_id, toDate32(created_at) AS day FROM clicks
        WHERE toDate32(created_at) BETWEEN {day_from:Date32} AND {day_to:Date32}
          AND ({all_campaigns:UInt8} = 1 OR campaign_id IN {campaign_ids:Array(UInt32)})
      UNION ALL
      SELECT campaign_id, day FROM campaign_daily
        WHERE day BETWEEN {day_from:Date32} AND {day_to:Date32}
          AND ({all_campaigns:UInt8} = 1 OR campaign_id IN {campaign_ids:Array(UInt32)})
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
