-- `adpipe report totals`: every campaign's lifetime KPIs (campaign_id 0: all campaigns),
-- as campaign_totals_report defines them. Money leaves as exact decimal text.
SELECT
  campaign_id, campaign_name, advertiser_id, advertiser_name,
  toDecimalString(bid, 2) AS bid, toDecimalString(budget, 2) AS budget,
  toString(start_date) AS start_date, toString(end_date) AS end_date,
  impressions, clicks, ctr,
  toDecimalString(spend, 2) AS spend, toDecimalString(remaining_budget, 2) AS remaining_budget,
  budget_utilisation, budget_status, bids_affordable, bids_remaining,
  toDecimalString(ecpm, 2) AS ecpm, toDecimalString(ecpc, 2) AS ecpc,
  flight_days, days_elapsed, days_remaining,
  toDecimalString(daily_budget_norm, 2) AS daily_budget_norm, toDecimalString(daily_budget_used, 2) AS daily_budget_used,
  daily_budget_status, pacing, flight_status, status
FROM campaign_totals_report
WHERE {campaign_id:UInt32} = 0 OR campaign_id = {campaign_id:UInt32}
ORDER BY campaign_id
