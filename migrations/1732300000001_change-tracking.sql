-- Snapshot-safe change tracking (design §4).
--
-- Every row carries adpipe_xid: the 64-bit id of the transaction that last wrote it
-- (pg_current_xact_id(), stored as bigint so indexes and ClickHouse's postgresql()
-- pushdown work on it). An extraction reads adpipe_xid in [previous_xmin, current_xmin),
-- where current_xmin = pg_snapshot_xmin(pg_current_snapshot()): every transaction below
-- it has finished, so a late-committing writer is picked up by the next run, never lost.
-- Rows that existed before adoption get 0 and are covered by the initial load.
-- Deletes (row, whole-table DELETE, TRUNCATE) and key changes are logged with the old
-- row in adpipe.deleted_rows, stamped the same way, so tombstones carry the sort key.

-- Up Migration
CREATE SCHEMA IF NOT EXISTS adpipe;

CREATE FUNCTION adpipe.stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.adpipe_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END $$;

CREATE TABLE adpipe.deleted_rows (
  seq bigserial PRIMARY KEY,
  table_name text NOT NULL,
  row_id bigint NOT NULL,
  row_data jsonb NOT NULL,
  adpipe_xid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  deleted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deleted_rows_table_xid_idx ON adpipe.deleted_rows (table_name, adpipe_xid);

-- Statement-level with a transition table: a DELETE of millions of rows logs them in
-- one INSERT ... SELECT instead of one trigger call per row.
CREATE FUNCTION adpipe.log_deletes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO adpipe.deleted_rows (table_name, row_id, row_data)
  SELECT TG_TABLE_NAME, o.id, to_jsonb(o) FROM old_rows o;
  RETURN NULL;
END $$;

-- TRUNCATE has no transition table; log the rows before they go.
CREATE FUNCTION adpipe.log_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO adpipe.deleted_rows (table_name, row_id, row_data) SELECT %L, t.id, to_jsonb(t) FROM %I.%I t',
    TG_TABLE_NAME, TG_TABLE_SCHEMA, TG_TABLE_NAME);
  RETURN NULL;
END $$;

-- An UPDATE that changes a fact's sort key (campaign, time) or any row's id moves the
-- row in ClickHouse: the old key needs a tombstone too.
CREATE FUNCTION adpipe.log_moved_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO adpipe.deleted_rows (table_name, row_id, row_data)
  SELECT TG_TABLE_NAME, o.id, to_jsonb(o)
  FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
  WHERE n.id IS NULL
     OR n.campaign_id IS DISTINCT FROM o.campaign_id
     OR n.created_at IS DISTINCT FROM o.created_at;
  RETURN NULL;
END $$;

CREATE FUNCTION adpipe.log_moved_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO adpipe.deleted_rows (table_name, row_id, row_data)
  SELECT TG_TABLE_NAME, o.id, to_jsonb(o)
  FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
  WHERE n.id IS NULL;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['advertiser', 'campaign', 'impressions', 'clicks'] LOOP
    -- Constant default first: instant on a large adopted table (no rewrite).
    EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS adpipe_xid bigint NOT NULL DEFAULT 0', t);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN adpipe_xid SET DEFAULT (pg_current_xact_id()::text::bigint)', t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (adpipe_xid)', t || '_adpipe_xid_idx', t);
    EXECUTE format('CREATE TRIGGER adpipe_stamp_update BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION adpipe.stamp_xid()', t);
    EXECUTE format('CREATE TRIGGER adpipe_log_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION adpipe.log_deletes()', t);
    EXECUTE format('CREATE TRIGGER adpipe_log_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION adpipe.log_truncate()', t);
    EXECUTE format('CREATE TRIGGER adpipe_log_moved AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adpipe.%I()',
      t, CASE WHEN t IN ('impressions', 'clicks') THEN 'log_moved_facts' ELSE 'log_moved_ids' END);
  END LOOP;
END $$;

-- Per-campaign per-day access for the generator, stats and reconciliation.
CREATE INDEX IF NOT EXISTS impressions_campaign_created_idx ON impressions (campaign_id, created_at);
CREATE INDEX IF NOT EXISTS clicks_campaign_created_idx ON clicks (campaign_id, created_at);

-- Down Migration
DROP INDEX IF EXISTS clicks_campaign_created_idx;
DROP INDEX IF EXISTS impressions_campaign_created_idx;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['advertiser', 'campaign', 'impressions', 'clicks'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS adpipe_log_moved ON %I', t);
    EXECUTE format('DROP TRIGGER IF EXISTS adpipe_log_truncate ON %I', t);
    EXECUTE format('DROP TRIGGER IF EXISTS adpipe_log_delete ON %I', t);
    EXECUTE format('DROP TRIGGER IF EXISTS adpipe_stamp_update ON %I', t);
    EXECUTE format('ALTER TABLE %I DROP COLUMN IF EXISTS adpipe_xid', t);
  END LOOP;
END $$;
DROP TABLE IF EXISTS adpipe.deleted_rows;
DROP FUNCTION IF EXISTS adpipe.log_moved_ids();
DROP FUNCTION IF EXISTS adpipe.log_moved_facts();
DROP FUNCTION IF EXISTS adpipe.log_truncate();
DROP FUNCTION IF EXISTS adpipe.log_deletes();
DROP FUNCTION IF EXISTS adpipe.stamp_xid();
