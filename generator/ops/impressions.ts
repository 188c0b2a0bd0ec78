import { FieldError } from '../../lib/errors.ts';
import type { PgTx } from '../../lib/postgres/transaction.ts';
import { factCopyText } from '../copy-text.ts';
import { requireInt } from '../inputs.ts';
import { lockCampaign } from '../store/campaigns.ts';
import { copyFacts } from '../store/facts.ts';
import { campaignTraffic } from '../traffic.ts';
import { toEpochMicros } from '../timestamp-text.ts';
import { startGeneration, type GenerationOptions } from './context.ts';
import { progressCounter, type ProgressListener } from './progress.ts';

export interface InsertImpressionsInput extends GenerationOptions {
  readonly campaignId: number;
  readonly count: number;
  readonly onProgress?: ProgressListener | undefined;
}

export interface InsertImpressionsResult {
  readonly seed: number;
  readonly campaignId: number;
  readonly impressions: number;
}

/** COPY `count` impressions spread over the 7 days before `now` for an existing campaign. */
export async function insertImpressions(tx: PgTx, input: InsertImpressionsInput): Promise<InsertImpressionsResult> {
  const campaignId = requireInt(input.campaignId, 'campaignId', 1);
  const count = requireInt(input.count, 'count', 1);
  const { seed, rng, now } = startGeneration(input);
  if (!(await lockCampaign(tx.db, campaignId))) {
    throw new FieldError('campaignId', `no campaign with id ${campaignId}`);
  }
  const { impressions } = campaignTraffic(rng, count, 0, toEpochMicros(now));
  const onRows = progressCounter(input.onProgress, 'impressions', count);
  const written = await copyFacts(tx.client, 'impressions', factCopyText([{ campaignId, times: impressions }], onRows));
  return { seed, campaignId, impressions: written };
}
