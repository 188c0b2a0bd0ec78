-- Current rows, deduplicated: what ad-hoc queries and dashboards should read.
CREATE OR REPLACE VIEW advertisers_current AS
SELECT id, name, updated_at, created_at FROM advertisers FINAL WHERE is_deleted = 0;

CREATE OR REPLACE VIEW campaigns_current AS
SELECT id, name, bid, budget, start_date, end_date, advertiser_id, updated_at, created_at
FROM campaigns FINAL WHERE is_deleted = 0;

-- Equal sort keys share a day, hence a month partition: FINAL need not merge across
-- partitions, which makes it several times faster on long histories.
CREATE OR REPLACE VIEW impressions_current AS
SELECT id, campaign_id, created_at FROM impressions FINAL WHERE is_deleted = 0
SETTINGS do_not_merge_across_partitions_select_final = 1;

CREATE OR REPLACE VIEW clicks_current AS
SELECT id, campaign_id, created_at FROM clicks FINAL WHERE is_deleted = 0
SETTINGS do_not_merge_across_partitions_select_final = 1;

-- KPI definitions, in one place (README "KPIs" mirrors this file).
-- Money stays Decimal; ratios are Float64. "Today" is the UTC date.
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
  if(impressions = 0, 0, clicks / impressions) AS ctr,
  t.spend AS spend,
  toDecimal128(budget - spend, 2) AS remaining_budget,
  if(budget = 0, 0, toFloat64(spend) / toFloat64(budget)) AS budget_utilisation,
  multiIf(spend = 0, 'unused', spend >= budget, 'exhausted', 'within') AS budget_status,
  if(bid = 0, 0, toUInt64(floor(budget / bid))) AS bids_affordable,
  toUInt64(greatest(toInt64(bids_affordable) - toInt64(clicks), 0)) AS bids_remaining,
  if(impressions = 0, toDecimal128(0, 2), toDecimal128(spend * 1000 / impressions, 2)) AS ecpm,
  if(clicks = 0, toDecimal128(0, 2), toDecimal128(spend / clicks, 2)) AS ecpc,
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

CREATE OR REPLACE VIEW campaign_daily_report AS
SELECT
  d.day AS day,
  c.advertiser_id AS advertiser_id,
  a.name AS advertiser_name,
  d.campaign_id AS campaign_id,
  c.name AS campaign_name,
  if(c.start_date IS NULL, NULL, dateDiff('day', assumeNotNull(c.start_date), d.day) + 1) AS flight_day,
  d.impressions AS impressions,
  d.clicks AS clicks,
  if(d.impressions = 0, 0, d.clicks / d.impressions) AS ctr,
  d.bid AS bid,
  d.spend AS spend
FROM (SELECT campaign_id, day, impressions, clicks, bid, spend FROM campaign_daily FINAL WHERE is_deleted = 0) AS d
LEFT JOIN campaigns_current AS c ON c.id = d.campaign_id
LEFT JOIN advertisers_current AS a ON a.id = c.advertiser_id;
