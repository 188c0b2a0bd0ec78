-- Users and targeting attributes of impressions (PostgreSQL migration
-- 1732300000004_impression-attributes), for reach and segment forecasts. Nullable: rows
-- from writers that do not set them load as NULL. LowCardinality: a handful of values.
ALTER TABLE impressions
  ADD COLUMN IF NOT EXISTS user_id Nullable(UInt64),
  ADD COLUMN IF NOT EXISTS country LowCardinality(Nullable(String)),
  ADD COLUMN IF NOT EXISTS device_type LowCardinality(Nullable(String)),
  ADD COLUMN IF NOT EXISTS age_band LowCardinality(Nullable(String));
