-- Durable pipeline state, kept in PostgreSQL next to the data it describes (never in
-- workflow memory or a local file, so a restart or a new worker loses nothing).

-- Up Migration
-- The next delta of table_name reads adpipe_xid >= xid. Advanced only after the load it
-- covers is durable in ClickHouse and its reports are rebuilt.
CREATE TABLE adpipe.watermarks (
  table_name text PRIMARY KEY,
  xid bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_run jsonb
);

-- One initial load: the xid bound every range of a table is read below, fixed once so a
-- retried or restarted load reads the same cut with the same version.
CREATE TABLE adpipe.load_plans (
  load_id text NOT NULL,
  table_name text NOT NULL,
  upper_xid bigint NOT NULL,
  max_id bigint NOT NULL,
  range_size bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (load_id, table_name)
);

-- Ranges of an initial load that are durable in ClickHouse, so a retry skips them.
CREATE TABLE adpipe.load_ranges (
  load_id text NOT NULL,
  table_name text NOT NULL,
  range_start bigint NOT NULL,
  range_end bigint NOT NULL,
  rows bigint NOT NULL,
  done_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (load_id, table_name, range_start)
);

-- Down Migration
DROP TABLE IF EXISTS adpipe.load_ranges;
DROP TABLE IF EXISTS adpipe.load_plans;
DROP TABLE IF EXISTS adpipe.watermarks;
