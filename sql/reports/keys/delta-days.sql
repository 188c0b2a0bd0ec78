-- Keys of a delta (or of the initial load, versions 0..max): every (campaign, day) with
-- fact rows or tombstones whose version lies in [version_lo, version_hi], and every day
-- of a campaign whose bid or existence changed in that range (spend = clicks × current
-- bid), including days that only the report still has. The version skip index of the
-- fact tables (0002_facts.sql) keeps the first two reads off the history.
WITH changed_campaigns AS (
  SELECT id FROM campaigns WHERE version BETWEEN {version_lo:UInt64} AND {version_hi:UInt64}
)
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
