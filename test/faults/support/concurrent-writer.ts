import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import seedrandom from 'seedrandom';

/** What a writer did, by kind. */
export type WriterCounts = Record<'impressions' | 'clicks' | 'campaigns' | 'bidChanges' | 'moves' | 'deletes' | 'slowTransactions' | 'errors', number>;

/** A foreign writer running in the background until stopped. */
export interface ConcurrentWriter {
  readonly counts: WriterCounts;
  /** Stop after the current operation; resolves when it has. */
  stop(): Promise<WriterCounts>;
}

/**
 * Write like the task's own generator and its users do, with plain SQL and no knowledge
 * of adpipe: backdated inserts, bid changes, moves across days, deletes, and now and then
 * a transaction that stays open for a while (so commits land out of order).
 * Errors (a server restarting under it) are counted and the loop goes on.
 */
export function startConcurrentWriter(pool: pg.Pool, opts: { seed: number; pauseMs?: number }): ConcurrentWriter {
  const random = seedrandom(String(opts.seed));
  const counts: WriterCounts = { impressions: 0, clicks: 0, campaigns: 0, bidChanges: 0, moves: 0, deletes: 0, slowTransactions: 0, errors: 0 };
  let running = true;
  const pick = async (): Promise<number | undefined> => {
    const { rows } = await pool.query<{ id: number }>('SELECT id FROM campaign ORDER BY random() LIMIT 1');
    return rows[0]?.id;
  };
  const step = async (): Promise<void> => {
    const campaign = await pick();
    const r = random();
    if (campaign === undefined || r < 0.03) {
      await pool.query(`WITH a AS (INSERT INTO advertiser (name) VALUES ('writer ' || md5(random()::text)) RETURNING id)
        INSERT INTO campaign (name, bid, budget, start_date, end_date, advertiser_id)
        SELECT 'writer campaign', round((random() * 3 + 0.05)::numeric, 2), 1000.00, current_date - 10, current_date + 20, id FROM a`);
      counts.campaigns += 1;
      return;
    }
    // Backdated up to 7 days, like the task's generator.
    const backdated = `now() - random() * interval '7 days'`;
    if (r < 0.60) {
      const n = 20 + Math.floor(random() * 180);
      await pool.query(`INSERT INTO impressions (campaign_id, created_at) SELECT $1, ${backdated} FROM generate_series(1, $2)`, [campaign, n]);
      counts.impressions += n;
    } else if (r < 0.85) {
      const n = 1 + Math.floor(random() * 15);
      await pool.query(`INSERT INTO clicks (campaign_id, created_at) SELECT $1, ${backdated} FROM generate_series(1, $2)`, [campaign, n]);
      counts.clicks += n;
    } else if (r < 0.90) {
      await pool.query(`UPDATE campaign SET bid = round((random() * 3 + 0.05)::numeric, 2), updated_at = now() WHERE id = $1`, [campaign]);
      counts.bidChanges += 1;
    } else if (r < 0.94) {
      await pool.query(`UPDATE impressions SET created_at = ${backdated} WHERE id IN (SELECT id FROM impressions WHERE campaign_id = $1 ORDER BY random() LIMIT 3)`, [campaign]);
      counts.moves += 1;
    } else if (r < 0.97) {
      await pool.query(`DELETE FROM clicks WHERE id IN (SELECT id FROM clicks WHERE campaign_id = $1 ORDER BY random() LIMIT 2)`, [campaign]);
      counts.deletes += 1;
    } else {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO clicks (campaign_id, created_at) SELECT $1, ${backdated} FROM generate_series(1, 5)`, [campaign]);
        await sleep(500 + Math.floor(random() * 2500)); // others commit meanwhile, with later xids
        await client.query('COMMIT');
        counts.clicks += 5;
        counts.slowTransactions += 1;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    }
  };
  const loop = (async () => {
    while (running) {
      try {
        await step();
      } catch {
        counts.errors += 1;
        await sleep(500);
      }
      await sleep(opts.pauseMs ?? 50);
    }
  })();
  return {
    counts,
    async stop() {
      running = false;
      await loop;
      return { ...counts };
    },
  };
}
