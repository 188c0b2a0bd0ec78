-- Keys of a backfill scope: every (campaign, day) with days in [day_from, day_to] and
-- every campaign (all_campaigns = 1) or those in campaign_ids, taken from the fact rows
-- of the scope, live or tombstoned, and from the report's own rows, so a day whose rows
-- all went away is rebuilt too (and tombstoned). Chosen by key, not by version: a
-- backfill's versions can repeat (an idle database keeps the same xmin).
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
