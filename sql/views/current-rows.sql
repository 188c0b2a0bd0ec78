-- Current rows, deduplicated: what ad-hoc queries and dashboards should read.
CREATE OR REPLACE VIEW advertisers_current AS
SELECT id, name, updated_at, created_at FROM advertisers FINAL WHERE is_deleted = 0;

CREATE OR REPLACE VIEW campaigns_current AS
SELECT id, name, bid, budget, start_date, end_date, advertiser_id, updated_at, created_at
FROM campaigns FINAL WHERE is_deleted = 0;

-- Equal sort keys share a day, hence a month partition: FINAL need not merge across
-- partitions, which makes it several times faster on long histories.
CREATE OR REPLACE VIEW impressions_current AS
SELECT id, campaign_id, created_at FROM impressions FINAL WHERE is_deleted = 0
SETTINGS do_not_merge_across_partitions_select_final = 1;

CREATE OR REPLACE VIEW clicks_current AS
SELECT id, campaign_id, created_at FROM clicks FINAL WHERE is_deleted = 0
SETTINGS do_not_merge_across_partitions_select_final = 1;
