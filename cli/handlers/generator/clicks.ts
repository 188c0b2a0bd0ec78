import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { insertClicks, type InsertClicksInput, type InsertClicksResult } from '../../../generator/index.ts';

/** `adpipe clicks --campaign-id ID --ratio R`, in one transaction. */
export async function runClicks(pool: pg.Pool, input: InsertClicksInput): Promise<InsertClicksResult> {
  return withPgTransaction(pool, (tx) => insertClicks(tx.db, input));
}
