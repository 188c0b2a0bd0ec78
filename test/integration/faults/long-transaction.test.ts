import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthLines } from '../../../cli/handlers/status/render-health.ts';
import { healthReport } from '../../../queries/status/health-report.ts';
import { createPipelineFixture, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { seedCampaign, seedEvents } from '../pipeline/seed.ts';

/** A session that opens a transaction, writes, and keeps it open (a slow batch job, a forgotten psql). */
async function openTransaction(url: string, campaign: number, clicks: number) {
  const client = new pg.Client({ connectionString: url, application_name: 'slow-batch-job' });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`INSERT INTO clicks (campaign_id, created_at) SELECT $1, '2026-11-21 07:00:00' FROM generate_series(1, $2)`, [campaign, clicks]);
  const { rows } = await client.query<{ xid: string; pid: number }>('SELECT pg_current_xact_id()::text AS xid, pg_backend_pid() AS pid');
  return { ...rows[0]!, client };
}

const watermarks = async (f: PipelineFixture) =>
  (await f.pg.query<{ xid: string }>('SELECT DISTINCT xid::text AS xid FROM adpipe.watermarks')).rows.map((r) => r.xid);

describe('a long open transaction', () => {
  let f: PipelineFixture;
  let campaign: number;
  beforeAll(async () => {
    f = await createPipelineFixture();
    campaign = await seedCampaign(f.pg, { bid: '0.25' });
    await seedEvents(f.pg, 'impressions', campaign, 200);
    await f.runInitialLoad();
  });
  afterAll(async () => f?.close());

  for (const ending of ['COMMIT', 'ROLLBACK'] as const) {
    it(`holds the watermark at its xid, is named in status, and loses nothing when it ends with ${ending}`, async () => {
      const slow = await openTransaction(f.databaseUrl, campaign, 7);
      try {
        await seedEvents(f.pg, 'impressions', campaign, 30, '2026-11-21 08:00:00'); // later xids, committed first
        const run = await f.runTrackDeltas();
        expect(run.watermarkAfter).toBe(slow.xid); // no delta reads past the open transaction
        expect(await watermarks(f)).toEqual([slow.xid]);
        expect((await f.verify()).differences.length).toBeGreaterThan(0); // behind, not lost: the 30 wait
        await new Promise((r) => setTimeout(r, 1_100));
        const health = await healthReport(f.pg, f.clickhouse);
        expect(health.blocker).toMatchObject({ xid: slow.xid, pid: slow.pid, application: 'slow-batch-job', state: 'idle in transaction' });
        expect(health.blocker!.ageSeconds).toBeGreaterThanOrEqual(1);
        expect(healthLines(health, 1).join('\n')).toMatch(
          new RegExp(`^Lag: deltas wait for transaction ${slow.xid}: pid ${slow.pid} \\(slow-batch-job\\) user \\w+, idle in transaction, open since \\S+Z \\(\\d+s\\)\\.$`, 'm'));
        expect(healthLines(health).join('\n')).not.toMatch(/^Lag:/m); // younger than 30 s: not worth a line by default
        await slow.client.query(ending);
        const after = await f.runTrackDeltas();
        expect(BigInt(after.watermarkAfter)).toBeGreaterThan(BigInt(slow.xid));
        const clicks = after.loads.find((l) => l.table === 'clicks')!.rows;
        expect(clicks).toBe(ending === 'COMMIT' ? 7 : 0);
        expect((await f.verify()).differences).toEqual([]);
        expect((await healthReport(f.pg, f.clickhouse)).blocker?.pid).not.toBe(slow.pid);
      } finally {
        await slow.client.end();
      }
    });
  }
});
