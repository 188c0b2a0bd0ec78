import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrationsDir } from '../../lib/migrate.ts';
import { createPgDatabase, type PgTestDatabase } from '../harness/databases.ts';

// The task's own migration (design §3), as another program would have run it.
const TASK_DDL = `
CREATE TABLE IF NOT EXISTS advertiser (id SERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL, updated_at TIMESTAMP, created_at TIMESTAMP DEFAULT NOW());
CREATE TABLE IF NOT EXISTS campaign (id SERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL, bid NUMERIC(10,2) NOT NULL, budget NUMERIC(10,2) NOT NULL,
  start_date DATE, end_date DATE, advertiser_id INTEGER REFERENCES advertiser(id), updated_at TIMESTAMP, created_at TIMESTAMP DEFAULT NOW());
CREATE TABLE IF NOT EXISTS impressions (id SERIAL PRIMARY KEY, campaign_id INTEGER REFERENCES campaign(id), created_at TIMESTAMP DEFAULT NOW());
CREATE TABLE IF NOT EXISTS clicks (id SERIAL PRIMARY KEY, campaign_id INTEGER REFERENCES campaign(id), created_at TIMESTAMP DEFAULT NOW());`;

const TASK_ROWS = `
INSERT INTO advertiser (name, updated_at) VALUES ('Advertiser A', NOW()), ('Advertiser B', NOW());
INSERT INTO campaign (name, bid, budget, start_date, end_date, advertiser_id, updated_at)
  VALUES ('Campaign_1_1', 1.25, 100.50, '2024-11-01', '2024-11-20', 1, NOW()), ('Campaign_2_1', 4.99, 499.99, '2024-11-02', '2024-11-30', 2, NOW());
INSERT INTO impressions (campaign_id, created_at) SELECT 1 + g % 2, TIMESTAMP '2024-11-10 00:00:00' + g * INTERVAL '1 minute' FROM generate_series(1, 500) g;
INSERT INTO clicks (campaign_id, created_at) SELECT 1 + g % 2, TIMESTAMP '2024-11-10 00:00:30' + g * INTERVAL '10 minutes' FROM generate_series(1, 40) g;`;

const TABLES = ['advertiser', 'campaign', 'impressions', 'clicks'] as const;
const migrationCount = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).length;

/** Every row of the four task tables with only the task's columns, for before/after checks. */
async function taskRows(c: pg.Client): Promise<Record<string, unknown[]>> {
  const columns = {
    advertiser: 'id, name, updated_at::text, created_at::text',
    campaign: 'id, name, bid::text, budget::text, start_date::text, end_date::text, advertiser_id, updated_at::text, created_at::text',
    impressions: 'id, campaign_id, created_at::text',
    clicks: 'id, campaign_id, created_at::text',
  };
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = (await c.query(`SELECT ${columns[t]} FROM ${t} ORDER BY id`)).rows;
  return out;
}

async function connect(db: PgTestDatabase): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  return c;
}

describe('adpipe migrations', () => {
  let db: PgTestDatabase | undefined;
  let client: pg.Client | undefined;
  afterEach(async () => {
    await client?.end();
    await db?.drop();
    client = undefined;
    db = undefined;
  });

  it('create the task tables plus change tracking on an empty database; up again is a no-op', async () => {
    db = await createPgDatabase('mig_empty');
    expect(await migrate({ databaseUrl: db.url })).toHaveLength(migrationCount);
    expect(await migrate({ databaseUrl: db.url })).toEqual([]);
    client = await connect(db);
    // The task's columns come first, in order; adpipe_xid is added; anything else adpipe
    // adds must be nullable or defaulted, so writers that know only the task's columns work.
    const cols = await client.query(
      `SELECT table_name, column_name, is_nullable = 'YES' OR column_default IS NOT NULL AS optional
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY table_name, ordinal_position`,
      [TABLES],
    );
    const taskColumns = {
      advertiser: ['id', 'name', 'updated_at', 'created_at'],
      campaign: ['id', 'name', 'bid', 'budget', 'start_date', 'end_date', 'advertiser_id', 'updated_at', 'created_at'],
      impressions: ['id', 'campaign_id', 'created_at'],
      clicks: ['id', 'campaign_id', 'created_at'],
    };
    for (const t of TABLES) {
      const mine = cols.rows.filter((r) => r.table_name === t);
      const task = taskColumns[t];
      expect(mine.slice(0, task.length).map((r) => r.column_name)).toEqual(task);
      expect(mine.map((r) => r.column_name)).toContain('adpipe_xid');
      expect(mine.slice(task.length).filter((r) => !r.optional)).toEqual([]);
    }
    await client.query('BEGIN');
    const { rows } = await client.query(`INSERT INTO advertiser (name) VALUES ('x') RETURNING adpipe_xid, pg_current_xact_id()::text AS xid`);
    await client.query('COMMIT');
    expect(rows[0].adpipe_xid).toBe(rows[0].xid);
  });

  it('adopt a database the task created: rows intact, stamped 0, then tracked', async () => {
    db = await createPgDatabase('mig_adopt');
    client = await connect(db);
    await client.query(TASK_DDL);
    await client.query(TASK_ROWS);
    const before = await taskRows(client);

    await migrate({ databaseUrl: db.url });
    expect(await taskRows(client)).toEqual(before);
    for (const t of TABLES) {
      const { rows } = await client.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE adpipe_xid <> 0)::int AS stamped FROM ${t}`);
      expect(rows[0]).toEqual({ n: before[t]!.length, stamped: 0 });
    }

    // triggers: an UPDATE restamps, a DELETE is logged with the old row, an INSERT is stamped
    await client.query('BEGIN');
    const xid = (await client.query(`SELECT pg_current_xact_id()::text AS x`)).rows[0].x as string;
    await client.query(`UPDATE campaign SET bid = 2.00 WHERE id = 1`);
    await client.query(`DELETE FROM clicks WHERE id <= 3`);
    await client.query(`INSERT INTO impressions (campaign_id) VALUES (2)`);
    await client.query('COMMIT');
    expect((await client.query(`SELECT adpipe_xid FROM campaign WHERE id = 1`)).rows[0].adpipe_xid).toBe(xid);
    expect((await client.query(`SELECT adpipe_xid FROM impressions ORDER BY id DESC LIMIT 1`)).rows[0].adpipe_xid).toBe(xid);
    const logged = await client.query(`SELECT table_name, row_id::int, row_data->>'campaign_id' AS campaign, adpipe_xid FROM adpipe.deleted_rows ORDER BY row_id`);
    expect(logged.rows).toEqual([1, 2, 3].map((id) => ({ table_name: 'clicks', row_id: id, campaign: String(1 + (id % 2)), adpipe_xid: xid })));
  });

  it('go down and come back up, keeping adopted data', async () => {
    db = await createPgDatabase('mig_down');
    client = await connect(db);
    await client.query(TASK_DDL);
    await client.query(TASK_ROWS);
    const before = await taskRows(client);
    await migrate({ databaseUrl: db.url });

    // revert everything adpipe added on top of the task tables (all but the first migration)
    const reverted = await migrate({ databaseUrl: db.url, direction: 'down', count: migrationCount - 1 });
    expect(reverted).toHaveLength(migrationCount - 1);
    const xidColumns = await client.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE column_name = 'adpipe_xid' AND table_schema = 'public'`);
    expect(xidColumns.rows[0].n).toBe(0);
    expect(await taskRows(client)).toEqual(before);

    expect(await migrate({ databaseUrl: db.url })).toHaveLength(migrationCount - 1);
    expect(await taskRows(client)).toEqual(before);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM impressions WHERE adpipe_xid = 0`);
    expect(rows[0].n).toBe(before.impressions!.length);
  });

  it('go all the way down and up again on a database of their own', async () => {
    db = await createPgDatabase('mig_roundtrip');
    await migrate({ databaseUrl: db.url });
    expect(await migrate({ databaseUrl: db.url, direction: 'down', count: migrationCount })).toHaveLength(migrationCount);
    client = await connect(db);
    const left = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = ANY($1)`, [TABLES]);
    expect(left.rows[0].n).toBe(0);
    expect(await migrate({ databaseUrl: db.url })).toHaveLength(migrationCount);
  });

  it('run from the CLI: `adpipe migrate` applies, then has nothing to do', async () => {
    db = await createPgDatabase('mig_cli');
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'migrate'], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { ...process.env, DATABASE_URL: db!.url },
      });
    expect((await run()).stdout).toMatch(/^Applied: 1732300000000_oltp-tables, /);
    expect((await run()).stdout).toBe('Nothing to migrate.\n');
  });
});
