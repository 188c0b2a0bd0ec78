import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { withFlagNames } from '../../flag-names.ts';
import { insertAdvertisers, type InsertAdvertisersInput, type InsertAdvertisersResult } from '../../../generator/index.ts';

/** `adpipe advertisers --count N`, in one transaction; bad input names its flag. */
export async function runAdvertisers(pool: pg.Pool, input: InsertAdvertisersInput): Promise<InsertAdvertisersResult> {
  return withFlagNames(() => withPgTransaction(pool, (tx) => insertAdvertisers(tx.db, input)));
}
