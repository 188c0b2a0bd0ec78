-- Backfill, after the day's reload: tombstone the current rows of a fact table (table:
-- impressions or clicks) of one UTC day (one campaign, or all when campaign_id is 0)
-- that the reload did not replace, i.e. rows PostgreSQL no longer has there. Only rows
-- the tombstone beats (version below its own, V − 1) qualify: reloaded rows (V) and
-- rows of later trackDeltas runs stay. Reload first, tombstones second: readers never
-- see the day half empty.
INSERT INTO {table:Identifier} (id, campaign_id, created_at, version, is_deleted)
SELECT id, campaign_id, created_at, {version:UInt64}, 1
FROM {table:Identifier} FINAL
WHERE toDate32(created_at) = {day:Date32}
  AND ({campaign_id:UInt32} = 0 OR campaign_id = {campaign_id:UInt32})
  AND is_deleted = 0 AND version < {version:UInt64}
-- Equal sort keys share a day, hence a month partition: FINAL need not merge across them.
SETTINGS do_not_merge_across_partitions_select_final = 1
