-- Campaigns whose daily report rows were priced with a bid other than the campaign's
-- current one, or whose campaign no longer exists (all when campaign_id is 0). After a
-- backfill refreshed the campaigns, every day of these needs repricing (spend = clicks ×
-- current bid), not only the days backfilled. Read from state, so a retry finds them again.
SELECT DISTINCT d.campaign_id AS campaign_id
FROM (
  SELECT campaign_id, bid FROM campaign_daily FINAL
  WHERE is_deleted = 0 AND ({campaign_id:UInt32} = 0 OR campaign_id = {campaign_id:UInt32})
) AS d
LEFT JOIN (SELECT id, bid FROM campaigns FINAL WHERE is_deleted = 0) AS c ON c.id = d.campaign_id
WHERE c.id IS NULL OR c.bid != d.bid
ORDER BY campaign_id
SETTINGS join_use_nulls = 1
