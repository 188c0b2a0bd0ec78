-- Backfills re-extract one UTC day of impressions and clicks (created_at in [D, D+1)),
-- for every campaign at once. The (campaign_id, created_at) indexes serve that only per
-- campaign (and PostgreSQL before 18 cannot skip-scan them), so a whole-day backfill
-- would read the table sequentially once per day. These make it an index range scan.
-- Plain CREATE INDEX (migrations run in one transaction, which CONCURRENTLY forbids):
-- it blocks writes to the table while it builds, seconds per ten million rows.

-- Up Migration
CREATE INDEX IF NOT EXISTS impressions_created_at_idx ON impressions (created_at);
CREATE INDEX IF NOT EXISTS clicks_created_at_idx ON clicks (created_at);

-- Down Migration
DROP INDEX IF EXISTS clicks_created_at_idx;
DROP INDEX IF EXISTS impressions_created_at_idx;
