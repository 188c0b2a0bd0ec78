import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { deleteAllData, type DeletedCounts } from '../../../generator/index.ts';

/** `adpipe reset` once confirmed: all four tables emptied in one transaction. */
export async function runReset(pool: pg.Pool): Promise<DeletedCounts> {
  return withPgTransaction(pool, (tx) => deleteAllData(tx.db));
}
