import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { insertAdvertisers, type InsertAdvertisersInput, type InsertAdvertisersResult } from '../../../generator/index.ts';

/** `adpipe advertisers --count N`, in one transaction. */
export async function runAdvertisers(pool: pg.Pool, input: InsertAdvertisersInput): Promise<InsertAdvertisersResult> {
  return withPgTransaction(pool, (tx) => insertAdvertisers(tx.db, input));
}
