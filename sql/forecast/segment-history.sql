-- Daily impressions and reach per targeting segment over [from, to]: every combination
-- of one, two or three attributes (an attribute left out reads '' = any). A NULL
-- attribute is the value 'unknown'.
SELECT
  ifNull(country, 'unknown') AS c, ifNull(device_type, 'unknown') AS d, ifNull(age_band, 'unknown') AS a,
  toString(toDate32(created_at)) AS day, count() AS impressions, uniqExact(user_id) AS reach
FROM impressions FINAL
WHERE is_deleted = 0
  AND created_at >= toDateTime64({from:Date32}, 6, 'UTC') AND created_at < toDateTime64({to:Date32} + 1, 6, 'UTC')
GROUP BY GROUPING SETS ((day, c), (day, d), (day, a), (day, c, d), (day, c, a), (day, d, a), (day, c, d, a))
ORDER BY c, d, a, day
SETTINGS do_not_merge_across_partitions_select_final = 1
