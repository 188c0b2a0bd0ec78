-- The role adpipe's workers (and ClickHouse's postgresql() pulls) connect as: read the four
-- tables and the change log, keep the pipeline's own state. No write on the source tables.
-- Run as the owner of the tables (the role that ran `adpipe migrate`), in adpipe's database.
-- Change the name and password to yours; docs/security.md explains each line.
CREATE ROLE adpipe_extract LOGIN PASSWORD 'change-me';
GRANT USAGE ON SCHEMA public, adpipe TO adpipe_extract;
GRANT SELECT ON public.advertiser, public.campaign, public.impressions, public.clicks TO adpipe_extract;
GRANT SELECT ON adpipe.deleted_rows, adpipe.advertiser_load, adpipe.campaign_load TO adpipe_extract;
GRANT SELECT, INSERT, UPDATE ON adpipe.watermarks, adpipe.load_plans, adpipe.load_ranges TO adpipe_extract;
-- Optional: lets `adpipe status` name the session of another role that holds the watermark back.
GRANT pg_read_all_stats TO adpipe_extract;
