import type { Kysely } from 'kysely';
import { FieldError } from '../../lib/errors.ts';
import type { Database } from '../../lib/postgres/schema.ts';
import { generateCampaign } from '../campaign-row.ts';
import { requireInt } from '../inputs.ts';
import { lockAdvertiser } from '../store/advertisers.ts';
import { insertCampaignRows } from '../store/campaigns.ts';
import { startGeneration, type GenerationOptions } from './context.ts';

export interface InsertCampaignsInput extends GenerationOptions {
  readonly advertiserId: number;
  readonly count: number;
}

export interface InsertCampaignsResult {
  readonly seed: number;
  readonly advertiserId: number;
  readonly ids: number[];
}

/** Insert `count` campaigns for an existing advertiser (a FieldError when it does not exist). */
export async function insertCampaigns(db: Kysely<Database>, input: InsertCampaignsInput): Promise<InsertCampaignsResult> {
  const advertiserId = requireInt(input.advertiserId, 'advertiserId', 1);
  const count = requireInt(input.count, 'count', 1);
  const { seed, rng, now } = startGeneration(input);
  if (!(await lockAdvertiser(db, advertiserId))) {
    throw new FieldError('advertiserId', `no advertiser with id ${advertiserId}`);
  }
  const rows = Array.from({ length: count }, () => generateCampaign(rng, advertiserId, now));
  const refs = await insertCampaignRows(db, rows);
  return { seed, advertiserId, ids: refs.map((r) => r.id) };
}
