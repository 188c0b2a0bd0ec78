-- Every trained model with its decision, newest first (`adpipe forecast models`).
SELECT m.version AS version, toString(m.trained_at) AS trained_at, toString(m.as_of) AS as_of,
  toString(m.holdout_from) AS holdout_from, toString(m.holdout_to) AS holdout_to,
  m.seed AS seed, m.series AS series, m.score AS score, m.metrics AS metrics,
  d.promoted AS promoted, d.reason AS reason, d.version = 0 AS undecided,
  m.version = (SELECT argMax(version, (decided_at, version)) FROM forecast_decisions FINAL WHERE promoted = 1) AS current
FROM forecast_models AS m FINAL
LEFT JOIN (SELECT version, promoted, reason FROM forecast_decisions FINAL) AS d ON d.version = m.version
ORDER BY m.version DESC
LIMIT {limit:UInt32}
SETTINGS join_use_nulls = 0
