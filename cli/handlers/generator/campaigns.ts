import type pg from 'pg';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { insertCampaigns, type InsertCampaignsInput, type InsertCampaignsResult } from '../../../generator/index.ts';

/** `adpipe campaigns --advertiser-id ID --count N`, in one transaction. */
export async function runCampaigns(pool: pg.Pool, input: InsertCampaignsInput): Promise<InsertCampaignsResult> {
  return withPgTransaction(pool, (tx) => insertCampaigns(tx.db, input));
}
