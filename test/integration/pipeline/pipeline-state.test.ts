import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../lib/migrate.ts';
import { createKysely, createPgPool } from '../../../lib/postgres/connect.ts';
import type { Database } from '../../../lib/postgres/schema.ts';
import { countChangesSince, countDeletesSince, readBacklog } from '../../../lib/postgres/state/backlog.ts';
import { hasDeletesBetween } from '../../../lib/postgres/state/deleted-rows.ts';
import { ensureLoadPlan } from '../../../lib/postgres/state/load-plans.ts';
import { doneRangeStarts, markRangeDone } from '../../../lib/postgres/state/load-ranges.ts';
import { currentSnapshotXmin } from '../../../lib/postgres/state/snapshot-xmin.ts';
import { advanceWatermark, insertWatermarks, readWatermarks } from '../../../lib/postgres/state/watermarks.ts';
import { createPgDatabase, type PgTestDatabase } from '../../harness/databases.ts';

// The repository the activities, `status` and the metrics share, against a migrated database.
describe('pipeline state in PostgreSQL', () => {
  let database: PgTestDatabase;
  let pool: Pool;
  let db: Kysely<Database>;
  beforeAll(async () => {
    database = await createPgDatabase('state');
    await migrate({ databaseUrl: database.url });
    pool = createPgPool(database.url);
    db = createKysely(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('watermarks: first ones are set once; advancing is compare-and-set and never goes back', async () => {
    expect(await insertWatermarks(db, ['clicks', 'impressions'], 100n)).toBe(2);
    expect(await insertWatermarks(db, ['clicks', 'advertisers'], 50n)).toBe(1); // clicks keeps 100
    expect(await insertWatermarks(db, [], 1n)).toBe(0);
    expect(await advanceWatermark(db, 'clicks', 100n, 200n, { workflowId: 'run-a' })).toBe(true);
    expect(await advanceWatermark(db, 'clicks', 100n, 300n, { workflowId: 'run-b' })).toBe(false); // run-a moved it first
    expect(await advanceWatermark(db, 'clicks', 200n, 150n, { workflowId: 'run-c' })).toBe(false);
    await pool.query(`INSERT INTO adpipe.watermarks (table_name, xid) VALUES ('not_a_pipeline_table', 1)`);
    const marks = await readWatermarks(db);
    expect([...marks.keys()].sort()).toEqual(['advertisers', 'clicks', 'impressions']);
    expect(marks.get('clicks')).toMatchObject({ xid: 200n, lastRun: { workflowId: 'run-a' } });
    expect(marks.get('impressions')).toMatchObject({ xid: 100n, lastRun: { kind: 'initialLoad' } });
    expect(marks.get('advertisers')!.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(marks.get('advertisers')!.ageSeconds).toBeLessThan(60);
  });

  it('load plans keep the first cut; done ranges are recorded once', async () => {
    const plan = { loadId: 'load-1', table: 'impressions' as const, upperXid: 900n, maxId: 10n, rangeSize: 4n };
    expect(await ensureLoadPlan(db, plan)).toEqual(plan);
    expect(await ensureLoadPlan(db, { ...plan, upperXid: 950n, maxId: 99n })).toEqual(plan); // a retry reads the same cut
    await markRangeDone(db, 'load-1', 'impressions', { start: 4n, end: 8n }, 3);
    await markRangeDone(db, 'load-1', 'impressions', { start: 4n, end: 8n }, 3);
    await markRangeDone(db, 'load-1', 'impressions', { start: 0n, end: 4n }, 4);
    expect([...(await doneRangeStarts(db, 'load-1', 'impressions'))].sort()).toEqual([0n, 4n]);
    expect((await doneRangeStarts(db, 'load-1', 'clicks')).size).toBe(0);
  });

  it('backlog counts rows and deletes at or after an xid, exactly or up to a cap', async () => {
    const before = await currentSnapshotXmin(db);
    await pool.query('INSERT INTO impressions (campaign_id, created_at) SELECT NULL, now() FROM generate_series(1, 5)');
    await pool.query('DELETE FROM impressions WHERE id IN (SELECT id FROM impressions ORDER BY id LIMIT 4)');
    const after = await currentSnapshotXmin(db);
    expect(after).toBeGreaterThan(before);
    expect(await readBacklog(db, 'impressions', before)).toEqual({ rows: 1, deletes: 4 });
    expect(await countDeletesSince(db, 'impressions', before, 2)).toBe(2);
    await pool.query('UPDATE impressions SET created_at = created_at'); // stamps the survivor again
    expect(await countChangesSince(db, 'impressions', after)).toBe(1);
    expect(await readBacklog(db, 'clicks', before)).toEqual({ rows: 0, deletes: 0 });
    await pool.query('INSERT INTO impressions (campaign_id) SELECT NULL FROM generate_series(1, 7)');
    expect(await countChangesSince(db, 'impressions', before, 3)).toBe(3);
    expect(await countChangesSince(db, 'impressions', before)).toBe(8);
    expect(await hasDeletesBetween(db, 'impressions', before, after)).toBe(true);
    expect(await hasDeletesBetween(db, 'impressions', after, after + 1000n)).toBe(false);
    expect(await hasDeletesBetween(db, 'clicks', before, after)).toBe(false);
  });
});
