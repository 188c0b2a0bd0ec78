-- The KPI formulas, defined once (README "KPIs"): the report views, the report queries
-- and the report rebuild call them. SQL functions belong to the server, not to a
-- database, hence the adpipe_ prefix; every start re-applies them, so all adpipe
-- databases on one server share the text of the newest start. A view stores the
-- formula expanded, so views are re-created after the functions (olap-views.ts order).
-- Money stays Decimal (Decimal128 before multiplying, so a large count × bid cannot
-- overflow); ratios are Float64.
CREATE OR REPLACE FUNCTION adpipe_ctr AS (clicks, impressions) ->
  if(impressions = 0, 0, clicks / impressions);

CREATE OR REPLACE FUNCTION adpipe_spend AS (clicks, bid) ->
  toDecimal128(toDecimal128(clicks, 0) * bid, 2);

CREATE OR REPLACE FUNCTION adpipe_ecpm AS (spend, impressions) ->
  if(impressions = 0, toDecimal128(0, 2), toDecimal128(spend * 1000 / impressions, 2));

CREATE OR REPLACE FUNCTION adpipe_ecpc AS (spend, clicks) ->
  if(clicks = 0, toDecimal128(0, 2), toDecimal128(spend / clicks, 2));
