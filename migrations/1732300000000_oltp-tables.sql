-- The AdTech task's source schema, exactly (IF NOT EXISTS: adpipe adopts a database
-- whose tables were created by the task's own migration and already hold data).
-- Timestamps are WITHOUT TIME ZONE and meant as UTC.

-- Up Migration
CREATE TABLE IF NOT EXISTS advertiser (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  updated_at TIMESTAMP,
  created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS campaign (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  bid NUMERIC(10, 2) NOT NULL,
  budget NUMERIC(10, 2) NOT NULL,
  start_date DATE,
  end_date DATE,
  advertiser_id INTEGER REFERENCES advertiser(id),
  updated_at TIMESTAMP,
  created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS impressions (
  id SERIAL PRIMARY KEY,
  campaign_id INTEGER REFERENCES campaign(id),
  created_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS clicks (
  id SERIAL PRIMARY KEY,
  campaign_id INTEGER REFERENCES campaign(id),
  created_at TIMESTAMP DEFAULT NOW()
);

-- NOW() into TIMESTAMP uses the session time zone; make UTC the database default so
-- writers that never set one still store UTC. Needs ownership; skipped with a notice otherwise.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'UTC');
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'adpipe: cannot set the database time zone to UTC (not owner); set it by hand';
END $$;

-- Down Migration
DROP TABLE IF EXISTS clicks;
DROP TABLE IF EXISTS impressions;
DROP TABLE IF EXISTS campaign;
DROP TABLE IF EXISTS advertiser;
