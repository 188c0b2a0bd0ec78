-- `adpipe report daily`: campaign_daily_report for the days [day_from, day_to] and one
-- campaign (or all when campaign_id is 0). Money leaves as exact decimal text.
SELECT
  toString(d) AS day, campaign_id, campaign_name, advertiser_id, advertiser_name, flight_day,
  impressions, clicks, ctr, toDecimalString(b, 2) AS bid, toDecimalString(s, 2) AS spend
FROM (
  SELECT day AS d, campaign_id, campaign_name, advertiser_id, advertiser_name, flight_day,
         impressions, clicks, ctr, bid AS b, spend AS s
  FROM campaign_daily_report
  WHERE day BETWEEN {day_from:Date32} AND {day_to:Date32}
    AND ({campaign_id:UInt32} = 0 OR campaign_id = {campaign_id:UInt32})
)
ORDER BY d, campaign_id
