-- campaign_daily_report: one row per campaign and UTC day with activity (README "KPIs");
-- CTR comes from kpi-functions.sql, spend was priced by the rebuild with adpipe_spend.
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
  adpipe_ctr(d.clicks, d.impressions) AS ctr,
  d.bid AS bid,
  d.spend AS spend
FROM (SELECT campaign_id, day, impressions, clicks, bid, spend FROM campaign_daily FINAL WHERE is_deleted = 0) AS d
LEFT JOIN campaigns_current AS c ON c.id = d.campaign_id
LEFT JOIN advertisers_current AS a ON a.id = c.advertiser_id;
