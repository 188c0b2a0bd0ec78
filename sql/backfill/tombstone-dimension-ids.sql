-- Backfill, after the reload of ids [id_lo, id_hi): tombstone the current rows of a
-- dimension (table: advertisers or campaigns) in that range that the reload did not
-- replace (PostgreSQL no longer has them). Only rows the tombstone beats (version below
-- its own, V − 1) qualify. Only the id matters for a dimension's key, so the other
-- columns take their defaults.
INSERT INTO {table:Identifier} (id, version, is_deleted)
SELECT id, {version:UInt64}, 1
FROM {table:Identifier} FINAL
WHERE id >= {id_lo:UInt64} AND id < {id_hi:UInt64} AND is_deleted = 0 AND version < {version:UInt64}
