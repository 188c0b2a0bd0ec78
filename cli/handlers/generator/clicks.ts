import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { withFlagNames } from '../../flag-names.ts';
import { insertClicks, type InsertClicksInput, type InsertClicksResult } from '../../../generator/index.ts';

/** `adpipe clicks --campaign-id ID --ratio R`, in one transaction; bad input names its flag. */
export async function runClicks(pool: pg.Pool, input: InsertClicksInput): Promise<InsertClicksResult> {
  return withFlagNames(() => withPgTransaction(pool, (tx) => insertClicks(tx.db, input)));
}
