-- Daily impressions and reach (unique users) per campaign over [from, to], deduplicated.
-- Impressions without a user (foreign writers) count as impressions, not toward reach.
SELECT campaign_id, toString(toDate32(created_at)) AS day, count() AS impressions, uniqExact(user_id) AS reach
FROM impressions FINAL
WHERE is_deleted = 0 AND campaign_id > 0
  AND created_at >= toDateTime64({from:Date32}, 6, 'UTC') AND created_at < toDateTime64({to:Date32} + 1, 6, 'UTC')
GROUP BY campaign_id, day
ORDER BY campaign_id, day
SETTINGS do_not_merge_across_partitions_select_final = 1
