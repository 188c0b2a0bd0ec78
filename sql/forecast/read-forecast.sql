-- One series' forecast from the latest published generation, first `days` days.
SELECT toString(day) AS day, horizon, model_version, impressions, impressions_lower, impressions_upper, reach, reach_lower, reach_upper
FROM forecasts
WHERE generation = (SELECT max(generation) FROM forecast_generations)
  AND kind = {kind:String} AND campaign_id = {campaign_id:UInt32} AND segment = {segment:String}
  AND horizon <= {days:UInt8}
ORDER BY day
