import { batchSizeInput } from '../../core/inputs/batch-size.ts';
import type { PgTx } from '../../lib/postgres/transaction.ts';
import { generateAdvertiser, generateCampaign } from '../campaign-row.ts';
import { factCopyText, type FactBatch } from '../copy-text.ts';
import { checkFields } from '../inputs.ts';
import { insertAdvertiserRows } from '../store/advertisers.ts';
import { insertCampaignRows } from '../store/campaigns.ts';
import { copyFacts } from '../store/facts.ts';
import { campaignTraffic, clickCount } from '../traffic.ts';
import { toEpochMicros } from '../timestamp-text.ts';
import { startGeneration, type GenerationOptions } from './context.ts';
import { progressCounter, type ProgressListener } from './progress.ts';

/** The task's `batch`: counts are per parent (campaigns per advertiser, impressions per campaign). */
export interface InsertBatchInput extends GenerationOptions {
  readonly advertisers: number;
  readonly campaigns: number;
  readonly impressions: number;
  readonly ctr: number;
  readonly onProgress?: ProgressListener | undefined;
}

export interface InsertBatchResult {
  readonly seed: number;
  readonly advertisers: number;
  readonly campaigns: number;
  readonly impressions: number;
  readonly clicks: number;
  readonly advertiserIds: number[];
  readonly campaignIds: number[];
}

/**
 * Advertisers, their campaigns, impressions and clicks in the caller's transaction.
 * Impressions stream campaign by campaign through one COPY (memory: one campaign's
 * times); the clicks drawn alongside are kept (ctr × impressions times) and COPYed after.
 */
export async function insertBatch(tx: PgTx, input: InsertBatchInput): Promise<InsertBatchResult> {
  checkFields(batchSizeInput, input); // sizes, including totals that would overflow SERIAL ids
  const { seed, rng, now } = startGeneration(input);
  const advertiserIds = await insertAdvertiserRows(tx.db, Array.from({ length: input.advertisers }, () => generateAdvertiser(rng)));
  const campaignRows = advertiserIds.flatMap((id) => Array.from({ length: input.campaigns }, () => generateCampaign(rng, id, now)));
  const campaignIds = (await insertCampaignRows(tx.db, campaignRows)).map((r) => r.id);

  const nowMicros = toEpochMicros(now);
  const clickBatches: FactBatch[] = [];
  function* impressionBatches(): Generator<FactBatch> {
    for (const campaignId of campaignIds) {
      const traffic = campaignTraffic(rng, input.impressions, input.ctr, nowMicros);
      clickBatches.push({ campaignId, times: traffic.clicks });
      yield { campaignId, times: traffic.impressions };
    }
  }
  const perCampaignClicks = clickCount(input.impressions, input.ctr);
  const impressionRows = progressCounter(input.onProgress, 'impressions', campaignIds.length * input.impressions);
  const impressions = await copyFacts(tx.client, 'impressions', factCopyText(impressionBatches(), impressionRows));
  const clickRows = progressCounter(input.onProgress, 'clicks', campaignIds.length * perCampaignClicks);
  const clicks = await copyFacts(tx.client, 'clicks', factCopyText(clickBatches, clickRows));
  return { seed, advertisers: advertiserIds.length, campaigns: campaignIds.length, impressions, clicks, advertiserIds, campaignIds };
}
