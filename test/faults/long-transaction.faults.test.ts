import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthLines } from '../../cli/handlers/status/render-health.ts';
import { healthReport } from '../../queries/status/health-report.ts';
import { createPipelineFixture, type PipelineFixture } from '../integration/pipeline/pipeline-fixture.ts';
import { seedCampaign, seedEvents } from '../integration/pipeline/seed.ts';
import { startConcurrentWriter } from './support/concurrent-writer.ts';
import { faultSeed } from './support/harness-stack.ts';
import { rowCounts } from './support/row-counts.ts';

const log = (m: string) => console.log(`[long-transaction] ${m}`);
const holdMs = Number(process.env.ADPIPE_LONG_TX_MS ?? 180_000);

/** The long version of test/integration/faults/long-transaction.test.ts: minutes, under load. */
describe('a transaction held open for minutes while writers and runs go on', () => {
  let f: PipelineFixture;
  beforeAll(async () => {
    f = await createPipelineFixture();
    const c = await seedCampaign(f.pg, { bid: '0.40' });
    await seedEvents(f.pg, 'impressions', c, 500);
    await f.runInitialLoad();
  });
  afterAll(async () => f?.close());

  it(`delays the watermark for ${holdMs / 1000}s, status says why, and nothing is lost at COMMIT`, async () => {
    const slow = new pg.Client({ connectionString: f.databaseUrl, application_name: 'nightly-export' });
    await slow.connect();
    const writer = startConcurrentWriter(f.pg, { seed: faultSeed(log), pauseMs: 100 });
    try {
      await slow.query('BEGIN');
      await slow.query(`UPDATE campaign SET bid = bid + 1 WHERE id = (SELECT min(id) FROM campaign)`); // takes an xid, reprices
      const xid = (await slow.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0]!.xid;
      const started = Date.now();
      let runs = 0;
      let lagLine = '';
      while (Date.now() - started < holdMs) {
        const run = await f.runTrackDeltas();
        runs += 1;
        expect(run.watermarkAfter).toBe(xid); // never past the open transaction, however long
        const lines = healthLines(await healthReport(f.pg, f.clickhouse));
        lagLine = lines.find((l) => l.startsWith('Lag:')) ?? lagLine;
        await sleep(10_000);
      }
      log(`${runs} runs held at xid ${xid}; status said: ${lagLine}`);
      expect(lagLine).toMatch(new RegExp(`^Lag: deltas wait for transaction ${xid}: pid \\d+ \\(nightly-export\\).*open since .*\\((\\d+)s\\)\\.$`));
      await slow.query('COMMIT');
      const writes = await writer.stop();
      const after = await f.runTrackDeltas();
      expect(BigInt(after.watermarkAfter)).toBeGreaterThan(BigInt(xid));
      log(`after COMMIT: one run loaded ${JSON.stringify(after.loads.map((l) => [l.table, l.rows, l.tombstones]))}; writes ${JSON.stringify(writes)}`);
      expect((await f.verify()).differences).toEqual([]);
      const counts = await rowCounts(f.pg, f.clickhouse);
      expect(counts.clickhouse).toEqual(counts.postgres);
    } finally {
      await writer.stop();
      await slow.end();
    }
  });
});
