-- Delivery forecasting (docs/forecasting.md). Append-only: a model, a decision or a
-- forecast generation is written once and never updated, so readers always see whole ones.

-- Every trained model, promoted or not, with what it scored on its hold-out.
CREATE TABLE IF NOT EXISTS forecast_models (
  version UInt32,
  -- The retrainForecast run that trained it: a retried activity finds its model again.
  run_id String,
  trained_at DateTime64(3, 'UTC') DEFAULT now64(3),
  as_of Date32,
  trained_through Date32,
  holdout_from Date32,
  holdout_to Date32,
  seed UInt64,
  series UInt32,
  -- Hold-out WAPE the promotion compares (mean over impressions and reach).
  score Nullable(Float64),
  -- JSON: per metric, WAPE and MAPE per horizon of the model and both baselines.
  metrics String,
  -- JSON: the model itself (forecast/model.ts ForecastModel).
  model String CODEC(ZSTD(3))
)
ENGINE = ReplacingMergeTree
ORDER BY version;

-- One decision per trained model: promoted (it became the current model) or kept out.
-- The current model is the latest promoted one.
CREATE TABLE IF NOT EXISTS forecast_decisions (
  version UInt32,
  decided_at DateTime64(3, 'UTC') DEFAULT now64(3),
  promoted UInt8,
  previous_version UInt32,
  reason String
)
ENGINE = ReplacingMergeTree
ORDER BY version;

-- Daily forecasts with an 80 % interval, for campaigns (segment '') and segments
-- (campaign_id 0). A publication writes a whole generation, then records it in
-- forecast_generations; readers take the latest recorded generation.
CREATE TABLE IF NOT EXISTS forecasts (
  generation UInt64,
  model_version UInt32,
  kind LowCardinality(String),
  campaign_id UInt32,
  segment String,
  day Date32,
  horizon UInt8,
  impressions Float64,
  impressions_lower Float64,
  impressions_upper Float64,
  reach Float64,
  reach_lower Float64,
  reach_upper Float64
)
ENGINE = MergeTree
ORDER BY (kind, campaign_id, segment, generation, day);

CREATE TABLE IF NOT EXISTS forecast_generations (
  generation UInt64,
  model_version UInt32,
  as_of Date32,
  created_at DateTime64(3, 'UTC') DEFAULT now64(3),
  campaigns UInt32,
  segments UInt32
)
ENGINE = MergeTree
ORDER BY generation;
