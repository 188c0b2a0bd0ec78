import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { readStats, type StatsReport } from '../../../generator/index.ts';

/** `adpipe stats`: one REPEATABLE READ snapshot, so totals match the per-campaign rows. */
export async function runStats(pool: pg.Pool): Promise<StatsReport> {
  return withPgTransaction(pool, (tx) => readStats(tx.db), { isolation: 'repeatable read', readOnly: true });
}
