import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { withFlagNames } from '../../flag-names.ts';
import { insertBatch, type InsertBatchInput, type InsertBatchResult } from '../../../generator/index.ts';

/** `adpipe batch`: everything in one transaction, so a failure leaves nothing behind. */
export async function runBatch(pool: pg.Pool, input: InsertBatchInput): Promise<InsertBatchResult> {
  return withFlagNames(() => withPgTransaction(pool, (tx) => insertBatch(tx, input)));
}
