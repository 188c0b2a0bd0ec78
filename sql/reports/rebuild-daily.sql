-- Rebuild campaign_daily for a key set: every (campaign_id, day) the `keys` slot lists,
-- one of the key selections in sql/reports/keys/ (put in place by rebuild-sql.ts), each
-- key read from the deduplicated facts and priced at the campaign's current bid.
-- Keys left with no impressions and no clicks get a tombstone; campaign 0 (facts
-- without a campaign) has no report.
INSERT INTO campaign_daily (campaign_id, day, impressions, clicks, bid, spend, version, is_deleted)
WITH
  touched AS (
    SELECT DISTINCT campaign_id, day FROM ({{keys}}) WHERE campaign_id != 0
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
  adpipe_spend(clk.n, cmp.bid) AS spend,
  {report_version:UInt64} AS version,
  toUInt8(impressions = 0 AND clicks = 0) AS is_deleted
FROM touched AS t
LEFT JOIN imp ON imp.campaign_id = t.campaign_id AND imp.day = t.day
LEFT JOIN clk ON clk.campaign_id = t.campaign_id AND clk.day = t.day
LEFT JOIN cmp ON cmp.id = t.campaign_id
SETTINGS join_use_nulls = 0, do_not_merge_across_partitions_select_final = 1
