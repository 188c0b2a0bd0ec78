-- Rows a load could not store, current ones only (table: sql/schema/0008_rejected-rows.sql).
CREATE OR REPLACE VIEW rejected_rows_current AS
SELECT table_name, id, action, reason, source_xid, recorded_at
FROM rejected_rows FINAL WHERE is_deleted = 0;
