import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { withFlagNames } from '../../flag-names.ts';
import { insertCampaigns, type InsertCampaignsInput, type InsertCampaignsResult } from '../../../generator/index.ts';

/** `adpipe campaigns --advertiser-id ID --count N`, in one transaction; bad input names its flag. */
export async function runCampaigns(pool: pg.Pool, input: InsertCampaignsInput): Promise<InsertCampaignsResult> {
  return withFlagNames(() => withPgTransaction(pool, (tx) => insertCampaigns(tx.db, input)));
}
