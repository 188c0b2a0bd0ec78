-- `adpipe report totals --from --to`: each campaign's activity summed over the days
-- [day_from, day_to] of campaign_daily_report (campaigns with no activity there are
-- left out). Budget, pacing and flight KPIs are lifetime figures: see report-totals.sql.
-- CTR, eCPM and eCPC are the KPI functions of sql/views/kpi-functions.sql over the period's sums.
SELECT
  campaign_id, campaign_name, advertiser_id, advertiser_name,
  toString({day_from:Date32}) AS period_from, toString({day_to:Date32}) AS period_to,
  days_active, impressions, clicks,
  adpipe_ctr(clicks, impressions) AS ctr,
  toDecimalString(total_spend, 2) AS spend,
  toDecimalString(adpipe_ecpm(total_spend, impressions), 2) AS ecpm,
  toDecimalString(adpipe_ecpc(total_spend, clicks), 2) AS ecpc
FROM (
  SELECT campaign_id, any(campaign_name) AS campaign_name, any(advertiser_id) AS advertiser_id,
         any(advertiser_name) AS advertiser_name, count() AS days_active,
         sum(impressions) AS impressions, sum(clicks) AS clicks, sum(spend) AS total_spend
  FROM campaign_daily_report
  WHERE day BETWEEN {day_from:Date32} AND {day_to:Date32}
    AND ({campaign_id:UInt32} = 0 OR campaign_id = {campaign_id:UInt32})
  GROUP BY campaign_id
)
ORDER BY campaign_id
