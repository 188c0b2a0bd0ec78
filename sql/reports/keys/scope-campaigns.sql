-- Campaigns of a backfill scope: those with report rows (live or not) in [day_from,
-- day_to], of every campaign (all_campaigns = 1) or those in campaign_ids.
SELECT campaign_id FROM campaign_daily
WHERE day BETWEEN {day_from:Date32} AND {day_to:Date32}
  AND ({all_campaigns:UInt8} = 1 OR campaign_id IN {campaign_ids:Array(UInt32)})
