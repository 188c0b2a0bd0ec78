// The size of a generated data set: `adpipe batch` and initialLoad's generate-if-empty.
import { z } from 'zod';
import { countField, inputObject, MAX_INT4, ratioField, seedField } from './fields.ts';

/** Advertisers, campaigns per advertiser, impressions per campaign, CTR (the task's `batch`). */
export const batchSizeInput = inputObject({
  advertisers: countField(1).describe('number of advertisers'),
  campaigns: countField(0).describe('campaigns per advertiser'),
  impressions: countField(0).describe('impressions per campaign'),
  ctr: ratioField().describe('click-through rate: clicks per campaign = ⌊impressions × ctr⌋'),
  seed: seedField().optional().describe('seed for reproducible data; random when absent'),
}).superRefine((s, ctx) => {
  // Totals become SERIAL ids: refuse what would overflow them rather than fail half-way.
  if (s.advertisers * s.campaigns > MAX_INT4) {
    ctx.addIssue({ code: 'custom', path: ['campaigns'], message: `${s.advertisers} × ${s.campaigns} campaigns exceed ${MAX_INT4}` });
  } else if (s.advertisers * s.campaigns * s.impressions > MAX_INT4) {
    const campaigns = s.advertisers * s.campaigns;
    ctx.addIssue({ code: 'custom', path: ['impressions'], message: `${campaigns} × ${s.impressions} impressions exceed ${MAX_INT4}` });
  }
});

/** A data set's size. */
export type BatchSize = Readonly<z.input<typeof batchSizeInput>>;
