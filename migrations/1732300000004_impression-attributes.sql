-- Who saw an impression and how it was targeted, for reach (unique users) and segment
-- forecasts. All nullable and without defaults: the task's own generator and any other
-- writer keep inserting (campaign_id, created_at) only, and their rows stay valid (they
-- count as impressions, not toward reach, and fall in the "unknown" segment).
-- ADD COLUMN without a default is a catalog change: instant on a large adopted table.

-- Up Migration
ALTER TABLE impressions
  ADD COLUMN IF NOT EXISTS user_id bigint,
  ADD COLUMN IF NOT EXISTS country varchar(2),
  ADD COLUMN IF NOT EXISTS device_type varchar(16),
  ADD COLUMN IF NOT EXISTS age_band varchar(8);

-- Down Migration
ALTER TABLE impressions
  DROP COLUMN IF EXISTS age_band,
  DROP COLUMN IF EXISTS device_type,
  DROP COLUMN IF EXISTS country,
  DROP COLUMN IF EXISTS user_id;
