-- Campaigns whose flight has not ended by the day after as_of (or has no end date).
SELECT id FROM campaigns_current
WHERE end_date IS NULL OR end_date > {as_of:Date32}
ORDER BY id
