import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAdvertisers } from '../../cli/handlers/generator/advertisers.ts';
import { runBatch } from '../../cli/handlers/generator/batch.ts';
import { runCampaigns } from '../../cli/handlers/generator/campaigns.ts';
import { runClicks } from '../../cli/handlers/generator/clicks.ts';
import { runImpressions } from '../../cli/handlers/generator/impressions.ts';
import { runReset } from '../../cli/handlers/generator/reset.ts';
import { runStats } from '../../cli/handlers/generator/stats.ts';
import { UsageError } from '../../lib/errors.ts';
import { migrate } from '../../lib/migrate.ts';
import { createPgPool } from '../../lib/postgres/connect.ts';
import { createPgDatabase, type PgTestDatabase } from '../harness/databases.ts';

const NOW = new Date('2024-11-23T10:00:00.000Z');
const repo = path.resolve(import.meta.dirname, '../..');

let db: PgTestDatabase;
let pool: pg.Pool;

async function openDatabase(prefix: string): Promise<{ db: PgTestDatabase; pool: pg.Pool }> {
  const created = await createPgDatabase(prefix);
  await migrate({ databaseUrl: created.url });
  return { db: created, pool: createPgPool(created.url) };
}

const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = [], p = pool) => (await p.query(sql, params)).rows[0] as T;
const num = async (sql: string, params: unknown[] = []) => Number(Object.values(await one(sql, params))[0]);

/** Row counts of the four tables plus the deletes log: "nothing written" means all unchanged. */
async function counts(): Promise<number[]> {
  const r = await one(`SELECT (SELECT count(*) FROM advertiser) a, (SELECT count(*) FROM campaign) c,
    (SELECT count(*) FROM impressions) i, (SELECT count(*) FROM clicks) k, (SELECT count(*) FROM adpipe.deleted_rows) d`);
  return Object.values(r).map(Number);
}

beforeAll(async () => ({ db, pool } = await openDatabase('generator')));
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});
beforeEach(async () => {
  await pool.query('TRUNCATE clicks, impressions, campaign, advertiser RESTART IDENTITY; TRUNCATE adpipe.deleted_rows');
});

describe('batch', () => {
  it('writes advertisers × campaigns × impressions and ⌊impressions × ctr⌋ clicks per campaign, in one transaction', async () => {
    const r = await runBatch(pool, { advertisers: 3, campaigns: 4, impressions: 500, ctr: 0.07, seed: 1, now: NOW });
    expect(r).toMatchObject({ seed: 1, advertisers: 3, campaigns: 12, impressions: 6_000, clicks: 12 * 35 });
    expect(await counts()).toEqual([3, 12, 6_000, 420, 0]);
    const perAdvertiser = await pool.query(`SELECT advertiser_id, count(*)::int n FROM campaign GROUP BY 1 ORDER BY 1`);
    expect(perAdvertiser.rows).toEqual(r.advertiserIds.map((id) => ({ advertiser_id: id, n: 4 })));
    const perCampaign = await pool.query(
      `SELECT c.id, (SELECT count(*)::int FROM impressions i WHERE i.campaign_id = c.id) imps,
              (SELECT count(*)::int FROM clicks k WHERE k.campaign_id = c.id) clicks FROM campaign c`,
    );
    expect(perCampaign.rows.every((row) => row.imps === 500 && row.clicks === 35)).toBe(true);
    // one transaction: every row carries the same, non-zero change-tracking stamp
    const stamps = await pool.query(
      `SELECT DISTINCT adpipe_xid FROM (SELECT adpipe_xid FROM advertiser UNION ALL SELECT adpipe_xid FROM campaign
       UNION ALL SELECT adpipe_xid FROM impressions UNION ALL SELECT adpipe_xid FROM clicks) s`,
    );
    expect(stamps.rows).toHaveLength(1);
    expect(stamps.rows[0].adpipe_xid).not.toBe('0');
  });

  it('generates the task semantics: money, flights, impression window, clicks after impressions', async () => {
    await runBatch(pool, { advertisers: 5, campaigns: 20, impressions: 200, ctr: 0.25, seed: 2, now: NOW });
    const money = await one(`SELECT min(bid)::text min_bid, max(bid)::text max_bid, min(budget)::text min_budget, max(budget)::text max_budget,
      bool_and(bid::text ~ '^\\d+\\.\\d\\d$' AND budget::text ~ '^\\d+\\.\\d\\d$') two_decimals FROM campaign`);
    expect(Number(money.min_bid)).toBeGreaterThanOrEqual(0.5);
    expect(Number(money.max_bid)).toBeLessThanOrEqual(5);
    expect(Number(money.min_budget)).toBeGreaterThanOrEqual(50);
    expect(Number(money.max_budget)).toBeLessThanOrEqual(500);
    expect(money.two_decimals).toBe(true);
    const flights = await one(`SELECT bool_and(start_date = $1::date) today, min(end_date - start_date) shortest, max(end_date - start_date) longest,
      bool_and(updated_at IS NOT NULL AND created_at IS NOT NULL) stamped FROM campaign`, ['2024-11-23']);
    expect(flights.today).toBe(true);
    expect(flights.shortest).toBeGreaterThanOrEqual(7);
    expect(flights.longest).toBeLessThanOrEqual(30);
    expect(flights.stamped).toBe(true);
    const window = await one(`SELECT count(*) FILTER (WHERE created_at <= $1::timestamp AND created_at > $1::timestamp - interval '7 days')::int inside,
      count(*)::int total, count(*) FILTER (WHERE extract(microseconds FROM created_at)::int % 1000 <> 0)::int sub_ms FROM impressions`, ['2024-11-23 10:00:00']);
    expect(window.inside).toBe(window.total);
    expect(window.sub_ms).toBeGreaterThan(0); // microseconds are generated and kept
    const orphanClicks = await num(`SELECT count(*) FROM clicks k WHERE NOT EXISTS (SELECT 1 FROM impressions i WHERE i.campaign_id = k.campaign_id
      AND i.created_at BETWEEN k.created_at - interval '120 seconds' AND k.created_at - interval '1 second')`);
    expect(orphanClicks).toBe(0);
  });

  it('gives the same data for the same seed and now, and different data for another seed', async () => {
    const snapshot = async (p: pg.Pool) => {
      const q = async (sql: string) => (await p.query(sql)).rows;
      return {
        advertisers: await q(`SELECT name FROM advertiser ORDER BY id`),
        campaigns: await q(`SELECT name, bid, budget, start_date, end_date, advertiser_id FROM campaign ORDER BY id`),
        impressions: await q(`SELECT campaign_id, created_at FROM impressions ORDER BY id`),
        clicks: await q(`SELECT campaign_id, created_at FROM clicks ORDER BY id`),
      };
    };
    const input = { advertisers: 2, campaigns: 3, impressions: 300, ctr: 0.1, now: NOW };
    await runBatch(pool, { ...input, seed: 42 });
    const first = await snapshot(pool);
    const other = await openDatabase('generator_seed');
    try {
      await runBatch(other.pool, { ...input, seed: 42 });
      expect(await snapshot(other.pool)).toEqual(first);
      await other.pool.query('TRUNCATE clicks, impressions, campaign, advertiser RESTART IDENTITY');
      await runBatch(other.pool, { ...input, seed: 43 });
      const third = await snapshot(other.pool);
      expect(third.impressions).not.toEqual(first.impressions);
      expect(third.campaigns).not.toEqual(first.campaigns);
    } finally {
      await other.pool.end();
      await other.db.drop();
    }
  });

  it('writes nothing when it fails half-way', async () => {
    const failing = runBatch(pool, {
      advertisers: 2, campaigns: 2, impressions: 100, ctr: 0.5, seed: 3, now: NOW,
      onProgress: (p) => {
        if (p.table === 'clicks' && p.done > 0) throw new Error('boom after impressions were copied');
      },
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await counts()).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('single-table commands', () => {
  it('advertisers, campaigns, impressions and clicks create what they say', async () => {
    const adv = await runAdvertisers(pool, { count: 3, seed: 5 });
    expect(adv.ids).toEqual([1, 2, 3]);
    const camps = await runCampaigns(pool, { advertiserId: 2, count: 2, seed: 5, now: NOW });
    expect(camps).toMatchObject({ advertiserId: 2, ids: [1, 2] });
    expect(await num(`SELECT count(*) FROM campaign WHERE advertiser_id = 2 AND start_date = '2024-11-23'`)).toBe(2);
    const imps = await runImpressions(pool, { campaignId: 2, count: 1_000, seed: 5, now: NOW });
    expect(imps).toMatchObject({ campaignId: 2, impressions: 1_000 });
    expect(await num(`SELECT count(*) FROM impressions WHERE campaign_id = 2 AND created_at > '2024-11-16 10:00:00' AND created_at <= '2024-11-23 10:00:00'`)).toBe(1_000);
    const clicks = await runClicks(pool, { campaignId: 2, ratio: 0.123, seed: 5 });
    expect(clicks).toMatchObject({ campaignId: 2, impressions: 1_000, clicks: 123 });
    expect(await counts()).toEqual([3, 2, 1_000, 123, 0]);
  });

  it('clicks land 1–120 s after an impression of the campaign, reproducibly for a seed', async () => {
    await runBatch(pool, { advertisers: 1, campaigns: 2, impressions: 2_000, ctr: 0, seed: 6, now: NOW });
    await runClicks(pool, { campaignId: 1, ratio: 0.3, seed: 9 });
    const first = (await pool.query(`SELECT campaign_id, created_at FROM clicks ORDER BY id`)).rows;
    expect(first).toHaveLength(600);
    expect(first.every((c) => c.campaign_id === 1)).toBe(true);
    const unmatched = await num(`SELECT count(*) FROM clicks k WHERE NOT EXISTS (SELECT 1 FROM impressions i WHERE i.campaign_id = k.campaign_id
      AND i.created_at BETWEEN k.created_at - interval '120 seconds' AND k.created_at - interval '1 second')`);
    expect(unmatched).toBe(0);
    await pool.query('DELETE FROM clicks');
    await runClicks(pool, { campaignId: 1, ratio: 0.3, seed: 9 });
    expect((await pool.query(`SELECT campaign_id, created_at FROM clicks ORDER BY id`)).rows).toEqual(first);
  });

  it('clicks for a campaign without impressions write nothing and do not fail', async () => {
    await runBatch(pool, { advertisers: 1, campaigns: 1, impressions: 0, ctr: 0.5, seed: 7 });
    expect(await runClicks(pool, { campaignId: 1, ratio: 0.5 })).toMatchObject({ impressions: 0, clicks: 0 });
  });
});

describe('bad input', () => {
  const cases: [string, () => Promise<unknown>, string][] = [
    ['unknown advertiser', () => runCampaigns(pool, { advertiserId: 999, count: 1 }), '--advertiser-id'],
    ['unknown campaign (impressions)', () => runImpressions(pool, { campaignId: 999, count: 10 }), '--campaign-id'],
    ['unknown campaign (clicks)', () => runClicks(pool, { campaignId: 999, ratio: 0.1 }), '--campaign-id'],
    ['zero count', () => runAdvertisers(pool, { count: 0 }), '--count'],
    ['negative count', () => runImpressions(pool, { campaignId: 1, count: -5 }), '--count'],
    ['fractional id', () => runImpressions(pool, { campaignId: 1.5, count: 5 }), '--campaign-id'],
    ['ratio above 1', () => runClicks(pool, { campaignId: 1, ratio: 1.5 }), '--ratio'],
    ['negative ctr', () => runBatch(pool, { advertisers: 1, campaigns: 1, impressions: 10, ctr: -0.1 }), '--ctr'],
    ['no advertisers', () => runBatch(pool, { advertisers: 0, campaigns: 1, impressions: 10, ctr: 0.1 }), '--advertisers'],
    ['non-integer campaigns', () => runBatch(pool, { advertisers: 1, campaigns: Number.NaN, impressions: 10, ctr: 0.1 }), '--campaigns'],
    ['overflowing total', () => runBatch(pool, { advertisers: 50_000, campaigns: 50_000, impressions: 1, ctr: 0.1 }), '--campaigns'],
    ['bad seed', () => runAdvertisers(pool, { count: 1, seed: -1 }), '--seed'],
  ];
  it.each(cases)('%s → UsageError naming the flag, nothing written', async (_name, run, field) => {
    await runBatch(pool, { advertisers: 1, campaigns: 1, impressions: 10, ctr: 0.1, seed: 8 });
    const before = await counts();
    await expect(run()).rejects.toSatisfy((err) => err instanceof UsageError && err.field === field);
    expect(await counts()).toEqual(before);
  });
});

describe('stats and reset', () => {
  it('stats match SQL counts, including facts without a campaign', async () => {
    await runBatch(pool, { advertisers: 2, campaigns: 3, impressions: 250, ctr: 0.2, seed: 10 });
    await runCampaigns(pool, { advertiserId: 1, count: 1 }); // a campaign with no delivery
    await pool.query(`INSERT INTO impressions (campaign_id) VALUES (NULL), (NULL); INSERT INTO clicks (campaign_id) VALUES (NULL)`);
    const report = await runStats(pool);
    const [advertisers, campaigns, impressions, clicks] = await counts();
    expect(report).toMatchObject({ advertisers, campaigns, impressions, clicks, ctr: clicks! / impressions! });
    const truth = await pool.query(`SELECT c.id, c.name, a.name advertiser,
      (SELECT count(*)::int FROM impressions i WHERE i.campaign_id = c.id) impressions,
      (SELECT count(*)::int FROM clicks k WHERE k.campaign_id = c.id) clicks
      FROM campaign c LEFT JOIN advertiser a ON a.id = c.advertiser_id ORDER BY c.id`);
    expect(report.perCampaign).toEqual(truth.rows.map((r) => ({ ...r, ctr: r.impressions ? r.clicks / r.impressions : 0 })));
    expect(report.perCampaign.at(-1)).toMatchObject({ impressions: 0, clicks: 0, ctr: 0 });
  });

  it('reset empties the four tables and the deletes log captures every row', async () => {
    await runBatch(pool, { advertisers: 2, campaigns: 2, impressions: 100, ctr: 0.1, seed: 11 });
    const [a, c, i, k] = await counts();
    expect(await runReset(pool)).toEqual({ advertisers: a, campaigns: c, impressions: i, clicks: k });
    expect((await counts()).slice(0, 4)).toEqual([0, 0, 0, 0]);
    const logged = await pool.query(`SELECT table_name, count(*)::int n FROM adpipe.deleted_rows GROUP BY 1 ORDER BY 1`);
    expect(logged.rows).toEqual([
      { table_name: 'advertiser', n: a },
      { table_name: 'campaign', n: c },
      { table_name: 'clicks', n: k },
      { table_name: 'impressions', n: i },
    ]);
  });
});

describe('the adpipe CLI', () => {
  const cli = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], {
      cwd: repo,
      env: { ...process.env, DATABASE_URL: db.url },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits 2 naming the flag on bad input, and writes nothing', async () => {
    const r = await cli(['advertisers', '--count', 'abc']);
    expect(r).toMatchObject({ code: 2, stderr: 'adpipe: --count must be a positive integer, got "abc"\n' });
    expect(await counts()).toEqual([0, 0, 0, 0, 0]);
  });

  it('generates, reports as JSON, and refuses to reset without --yes when stdin is not a terminal', async () => {
    expect((await cli(['batch', '--advertisers', '1', '--campaigns', '2', '--impressions', '50', '--seed', '4'])).code).toBe(0);
    const stats = await cli(['stats', '--json']);
    expect(JSON.parse(stats.stdout)).toEqual(JSON.parse(JSON.stringify(await runStats(pool))));
    const refused = await cli(['reset']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect((await counts())[2]).toBe(100);
    expect((await cli(['reset', '--yes'])).code).toBe(0);
    expect((await counts()).slice(0, 4)).toEqual([0, 0, 0, 0]);
  });
});
