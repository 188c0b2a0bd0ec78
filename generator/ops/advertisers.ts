import type { Kysely } from 'kysely';
import type { Database } from '../../lib/postgres/schema.ts';
import { generateAdvertiser } from '../campaign-row.ts';
import { requireInt } from '../inputs.ts';
import { insertAdvertiserRows } from '../store/advertisers.ts';
import { startGeneration, type GenerationOptions } from './context.ts';

export interface InsertAdvertisersInput extends GenerationOptions {
  readonly count: number;
}

export interface InsertAdvertisersResult {
  readonly seed: number;
  readonly ids: number[];
}

/** Insert `count` advertisers with generated names. */
export async function insertAdvertisers(db: Kysely<Database>, input: InsertAdvertisersInput): Promise<InsertAdvertisersResult> {
  const count = requireInt(input.count, 'count', 1);
  const { seed, rng } = startGeneration(input);
  const rows = Array.from({ length: count }, () => generateAdvertiser(rng));
  return { seed, ids: await insertAdvertiserRows(db, rows) };
}
