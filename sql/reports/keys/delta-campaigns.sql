-- Campaigns of a delta: those whose daily rows this rebuild just wrote (version = report_version).
SELECT campaign_id FROM campaign_daily WHERE version = {report_version:UInt64}
