import type { Kysely } from 'kysely';
import { MAX_INT4 } from '../../core/inputs/fields.ts';
import { FieldError } from '../../lib/errors.ts';
import type { Database } from '../../lib/postgres/schema.ts';
import { requireInt, requireRatio } from '../inputs.ts';
import { lockCampaign } from '../store/campaigns.ts';
import { insertClicksFromImpressions } from '../store/clicks-from-impressions.ts';
import { startGeneration, type GenerationOptions } from './context.ts';

export interface InsertClicksInput extends Pick<GenerationOptions, 'seed'> {
  readonly campaignId: number;
  /** Share of the campaign's impressions that get a click, 0..1. */
  readonly ratio: number;
}

export interface InsertClicksResult {
  readonly seed: number;
  readonly campaignId: number;
  /** The campaign's impressions the sample was drawn from. */
  readonly impressions: number;
  readonly clicks: number;
}

/**
 * Clicks for ⌊impressions × ratio⌋ distinct impressions of an existing campaign, 1–120 s
 * after each. A campaign without impressions gets none (not an error, as in the task).
 */
export async function insertClicks(db: Kysely<Database>, input: InsertClicksInput): Promise<InsertClicksResult> {
  const campaignId = requireInt(input.campaignId, 'campaignId', 1);
  const ratio = requireRatio(input.ratio, 'ratio');
  const { seed, rng } = startGeneration({ seed: input.seed });
  if (!(await lockCampaign(db, campaignId))) {
    throw new FieldError('campaignId', `no campaign with id ${campaignId}`);
  }
  const sample = await insertClicksFromImpressions(db, {
    campaignId,
    ratio,
    pickSeed: rng.int(0, MAX_INT4),
    delaySeed: rng.int(0, MAX_INT4),
  });
  return { seed, campaignId, ...sample };
}
