-- A foreign writer (an application, the task's generator): privileges on the four tables
-- and their id sequences only. adpipe's change tracking needs nothing more from it: the
-- triggers that log deletes run as their owner (migration 1732300000051).
CREATE ROLE adpipe_writer LOGIN PASSWORD 'change-me';
GRANT USAGE ON SCHEMA public TO adpipe_writer;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON public.advertiser, public.campaign, public.impressions, public.clicks TO adpipe_writer;
GRANT USAGE ON SEQUENCE public.advertiser_id_seq, public.campaign_id_seq, public.impressions_id_seq, public.clicks_id_seq TO adpipe_writer;
