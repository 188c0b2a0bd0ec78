-- The current model: the latest promoted one (none before the first promotion).
SELECT m.version AS version, m.model AS model
FROM forecast_models AS m FINAL
WHERE m.version = (SELECT argMax(version, (decided_at, version)) FROM forecast_decisions FINAL WHERE promoted = 1)
