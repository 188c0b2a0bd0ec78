-- Foreign writers need privileges on the four tables only, never on schema adpipe.
--
-- 1. The change-tracking triggers that log deletes, TRUNCATEs and key moves insert into
--    adpipe.deleted_rows. Trigger functions run with the privileges of the role whose
--    statement fired them, so a writer with just DELETE on `clicks` got "permission denied
--    for schema adpipe". They now run as their owner (SECURITY DEFINER), with a pinned
--    search_path so a writer cannot slip its own objects into them. They can do nothing
--    but copy the rows the statement removed into the log.
-- 2. adpipe.fact_loadable is the predicate of partial indexes on impressions and clicks,
--    so every insert evaluates it; its body called another adpipe function, which needs
--    USAGE on the schema when the body is inlined. The body is now self-contained (same
--    rule: positive id, positive or NULL campaign_id, created_at NULL or in
--    1900-01-01 .. 2299-12-31).

-- Up Migration
CREATE OR REPLACE FUNCTION adpipe.fact_loadable(id integer, campaign_id integer, created_at timestamp) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT id > 0 AND coalesce(campaign_id > 0, true)
  AND (created_at IS NULL OR (created_at >= timestamp '1900-01-01' AND created_at < timestamp '2300-01-01')) $$;

ALTER FUNCTION adpipe.log_deletes() SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION adpipe.log_truncate() SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION adpipe.log_moved_facts() SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION adpipe.log_moved_ids() SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION adpipe.log_deletes(), adpipe.log_truncate(), adpipe.log_moved_facts(), adpipe.log_moved_ids() FROM PUBLIC;

-- Down Migration
GRANT EXECUTE ON FUNCTION adpipe.log_deletes(), adpipe.log_truncate(), adpipe.log_moved_facts(), adpipe.log_moved_ids() TO PUBLIC;
ALTER FUNCTION adpipe.log_moved_ids() SECURITY INVOKER RESET search_path;
ALTER FUNCTION adpipe.log_moved_facts() SECURITY INVOKER RESET search_path;
ALTER FUNCTION adpipe.log_truncate() SECURITY INVOKER RESET search_path;
ALTER FUNCTION adpipe.log_deletes() SECURITY INVOKER RESET search_path;
CREATE OR REPLACE FUNCTION adpipe.fact_loadable(id integer, campaign_id integer, created_at timestamp) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT id > 0 AND coalesce(campaign_id > 0, true) AND adpipe.in_clickhouse_range(created_at) $$;
