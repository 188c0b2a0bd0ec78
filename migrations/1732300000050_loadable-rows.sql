-- What the pipeline can load, and why it cannot load the rest (hostile or odd input).
--
-- ClickHouse's DateTime64 and Date32 hold 1900-01-01 .. 2299-12-31 and its ids are
-- UInt32; PostgreSQL holds 4713 BC .. 294276 AD, ±infinity and negative ids. Read as
-- they are, such values fail a whole load ('infinity') or are silently changed
-- (postgresql() turns DATE '1800-01-01' into 1970-01-01). So:
--   * a fact (impression, click) whose id, campaign_id or created_at (its report day)
--     cannot be stored is skipped: loads read only rows where fact_loadable() holds
--     (pull mode pushes the same comparisons down from sql/load/{impressions,clicks}.sql);
--   * a dimension (advertiser, campaign) is read through its *_load view, which NULLs the
--     fields that cannot be stored; it is skipped only when its id cannot be stored;
--   * fact_problem() and the views' `problem` say what was wrong; the pipeline copies it
--     into ClickHouse's rejected_rows, and `adpipe verify` leaves skipped rows out of
--     the truth. The views are plain projections, so a load's adpipe_xid/id range still
--     reaches the tables' indexes.

-- Up Migration
CREATE FUNCTION adpipe.in_clickhouse_range(ts timestamp) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT ts IS NULL OR (ts >= timestamp '1900-01-01' AND ts < timestamp '2300-01-01') $$;

CREATE FUNCTION adpipe.in_clickhouse_range(d date) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT d IS NULL OR (d >= date '1900-01-01' AND d < date '2300-01-01') $$;

-- Why a value is out of range, or NULL. STABLE: the text follows the session's DateStyle.
CREATE FUNCTION adpipe.range_problem(col text, ts timestamp) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN NOT adpipe.in_clickhouse_range(ts)
  THEN format('%s %s is outside 1900-01-01..2299-12-31 (ClickHouse DateTime64)', col, ts) END $$;

CREATE FUNCTION adpipe.range_problem(col text, d date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN NOT adpipe.in_clickhouse_range(d)
  THEN format('%s %s is outside 1900-01-01..2299-12-31 (ClickHouse Date32)', col, d) END $$;

CREATE FUNCTION adpipe.id_problem(col text, id integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN id < 1 THEN format('%s %s is not a positive id (ClickHouse UInt32)', col, id) END $$;

-- A fact can be loaded when its key fits ClickHouse. Also the predicate of the partial
-- indexes below, which keep finding a run's rejected facts cheap on any table size.
CREATE FUNCTION adpipe.fact_loadable(id integer, campaign_id integer, created_at timestamp) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT id > 0 AND coalesce(campaign_id > 0, true) AND adpipe.in_clickhouse_range(created_at) $$;

CREATE FUNCTION adpipe.fact_problem(id integer, campaign_id integer, created_at timestamp) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(concat_ws('; ', adpipe.id_problem('id', id), adpipe.id_problem('campaign_id', campaign_id),
  adpipe.range_problem('created_at', created_at)), '') $$;

CREATE VIEW adpipe.advertiser_load AS
SELECT id, name,
  CASE WHEN adpipe.in_clickhouse_range(updated_at) THEN updated_at END AS updated_at,
  CASE WHEN adpipe.in_clickhouse_range(created_at) THEN created_at END AS created_at,
  adpipe_xid,
  id < 1 AS skip,
  nullif(concat_ws('; ', adpipe.id_problem('id', id),
    adpipe.range_problem('updated_at', updated_at), adpipe.range_problem('created_at', created_at)), '') AS problem
FROM public.advertiser;

CREATE VIEW adpipe.campaign_load AS
SELECT id, name, bid, budget,
  CASE WHEN adpipe.in_clickhouse_range(start_date) THEN start_date END AS start_date,
  CASE WHEN adpipe.in_clickhouse_range(end_date) THEN end_date END AS end_date,
  CASE WHEN advertiser_id > 0 THEN advertiser_id END AS advertiser_id,
  CASE WHEN adpipe.in_clickhouse_range(updated_at) THEN updated_at END AS updated_at,
  CASE WHEN adpipe.in_clickhouse_range(created_at) THEN created_at END AS created_at,
  adpipe_xid,
  id < 1 AS skip,
  nullif(concat_ws('; ', adpipe.id_problem('id', id), adpipe.id_problem('advertiser_id', advertiser_id),
    adpipe.range_problem('start_date', start_date), adpipe.range_problem('end_date', end_date),
    adpipe.range_problem('updated_at', updated_at), adpipe.range_problem('created_at', created_at)), '') AS problem
FROM public.campaign;

CREATE INDEX IF NOT EXISTS impressions_unloadable_idx ON impressions (adpipe_xid)
  WHERE NOT adpipe.fact_loadable(id, campaign_id, created_at);
CREATE INDEX IF NOT EXISTS clicks_unloadable_idx ON clicks (adpipe_xid)
  WHERE NOT adpipe.fact_loadable(id, campaign_id, created_at);

-- Down Migration
DROP INDEX IF EXISTS clicks_unloadable_idx;
DROP INDEX IF EXISTS impressions_unloadable_idx;
DROP VIEW IF EXISTS adpipe.campaign_load;
DROP VIEW IF EXISTS adpipe.advertiser_load;
DROP FUNCTION IF EXISTS adpipe.fact_problem(integer, integer, timestamp);
DROP FUNCTION IF EXISTS adpipe.fact_loadable(integer, integer, timestamp);
DROP FUNCTION IF EXISTS adpipe.id_problem(text, integer);
DROP FUNCTION IF EXISTS adpipe.range_problem(text, date);
DROP FUNCTION IF EXISTS adpipe.range_problem(text, timestamp);
DROP FUNCTION IF EXISTS adpipe.in_clickhouse_range(date);
DROP FUNCTION IF EXISTS adpipe.in_clickhouse_range(timestamp);
