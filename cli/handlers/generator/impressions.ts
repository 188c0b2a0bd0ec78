import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { withFlagNames } from '../../flag-names.ts';
import { insertImpressions, type InsertImpressionsInput, type InsertImpressionsResult } from '../../../generator/index.ts';

/** `adpipe impressions --campaign-id ID --count N`, in one transaction; bad input names its flag. */
export async function runImpressions(pool: pg.Pool, input: InsertImpressionsInput): Promise<InsertImpressionsResult> {
  return withFlagNames(() => withPgTransaction(pool, (tx) => insertImpressions(tx, input)));
}
