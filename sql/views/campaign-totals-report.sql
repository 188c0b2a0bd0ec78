-- campaign_totals_report: every campaign's lifetime KPIs (README "KPIs"); CTR, eCPM and
-- eCPC come from kpi-functions.sql. "Today" is the UTC date. bids_affordable is 0 for a
-- zero or negative bid or budget (a foreign writer can store any NUMERIC(10,2)), where
-- floor(budget / bid) would overflow toUInt64 and fail every read of the view.
CREATE OR REPLACE VIEW campaign_totals_report AS
SELECT
  c.id AS campaign_id,
  c.name AS campaign_name,
  c.advertiser_id AS advertiser_id,
  a.name AS advertiser_name,
  c.bid AS bid,
  c.budget AS budget,
  c.start_date AS start_date,
  c.end_date AS end_date,
  t.impressions AS impressions,
  t.clicks AS clicks,
  adpipe_ctr(clicks, impressions) AS ctr,
  t.spend AS spend,
  toDecimal128(budget - spend, 2) AS remaining_budget,
  if(budget = 0, 0, toFloat64(spend) / toFloat64(budget)) AS budget_utilisation,
  multiIf(spend = 0, 'unused', spend >= budget, 'exhausted', 'within') AS budget_status,
  if(bid <= 0 OR budget <= 0, 0, toUInt64(floor(budget / bid))) AS bids_affordable,
  toUInt64(greatest(toInt64(bids_affordable) - toInt64(clicks), 0)) AS bids_remaining,
  adpipe_ecpm(spend, impressions) AS ecpm,
  adpipe_ecpc(spend, clicks) AS ecpc,
  toDate32(now('UTC')) AS report_date,
  if(start_date IS NULL OR end_date IS NULL, 0,
     toUInt32(greatest(dateDiff('day', assumeNotNull(start_date), assumeNotNull(end_date)) + 1, 0))) AS flight_days,
  toUInt32(least(greatest(if(start_date IS NULL, 0, dateDiff('day', assumeNotNull(start_date), report_date) + 1), 0), flight_days)) AS days_elapsed,
  toUInt32(flight_days - days_elapsed) AS days_remaining,
  if(flight_days = 0, toDecimal128(0, 2), toDecimal128(budget / flight_days, 2)) AS daily_budget_norm,
  if(days_elapsed = 0, toDecimal128(0, 2), toDecimal128(spend / days_elapsed, 2)) AS daily_budget_used,
  multiIf(days_elapsed = 0, 'not started', daily_budget_used > daily_budget_norm, 'over', 'within') AS daily_budget_status,
  if(days_elapsed = 0 OR flight_days = 0, 0, budget_utilisation / (days_elapsed / flight_days)) AS pacing,
  multiIf(start_date IS NULL, 'unscheduled', report_date < start_date, 'scheduled',
          end_date IS NOT NULL AND report_date > end_date, 'ended', 'running') AS flight_status,
  multiIf(budget_status = 'exhausted', 'budget exhausted', flight_status = 'scheduled', 'scheduled',
          flight_status = 'ended', 'ended', 'active') AS status
FROM campaigns_current AS c
LEFT JOIN advertisers_current AS a ON a.id = c.advertiser_id
LEFT JOIN (SELECT campaign_id, impressions, clicks, spend FROM campaign_totals FINAL WHERE is_deleted = 0) AS t
  ON t.campaign_id = c.id;
