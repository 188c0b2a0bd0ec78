import { insertAdvertisers, insertCampaigns, insertClicks, insertImpressions } from '../../generator/index.ts';
import { UsageError } from '../../lib/errors.ts';
import { withPgTransaction } from '../../lib/postgres/transaction.ts';
import type { GenerationCandidates, GeneratorTarget } from '../../workflows/generate/generator-choice.ts';
import { FailureType, nonRetryable } from '../../core/failures.ts';
import type { ActivityDeps } from '../index.ts';

/** Candidates listed per kind: enough to spread traffic, small enough for workflow history. */
export const candidateLimit = 1000;

/** One generator run, fully decided by the workflow (target, sizes, seed, instant). */
export type GenerateRowsInput = GeneratorTarget & {
  /** Seed for the generated rows: a retry writes the same rows. */
  readonly seed: number;
  /** ISO instant generated rows are relative to (the run's scheduled time, not the wall clock). */
  readonly now: string;
  /** impressions: how many to insert. */
  readonly count?: number;
  /** clicks: share of the campaign's impressions that get a click. */
  readonly ratio?: number;
};

/** What a generator run wrote. */
export interface GenerateRowsResult {
  readonly table: 'advertiser' | 'campaign' | 'impressions' | 'clicks';
  readonly rows: number;
  /** Ids of created advertisers or campaigns. */
  readonly ids: number[];
}

export function createGenerateNewDataActivities(deps: ActivityDeps) {
  return {
    /** List ids each generator could work on, for the workflow to choose from (newest first). */
    async listGenerationCandidates(input: { day: string }): Promise<GenerationCandidates> {
      const ids = async (sql: string, params: unknown[] = []) =>
        (await deps.pg.query<{ id: number }>(sql, params)).rows.map((r) => r.id);
      return {
        advertiserIds: await ids('SELECT id FROM advertiser ORDER BY id DESC LIMIT $1', [candidateLimit]),
        activeCampaignIds: await ids(
          `SELECT id FROM campaign WHERE start_date <= $1::date AND (end_date IS NULL OR end_date >= $1::date)
           ORDER BY id DESC LIMIT $2`,
          [input.day, candidateLimit],
        ),
        // EXISTS probes impressions_campaign_created_idx per campaign: no scan of the fact table.
        campaignIdsWithImpressions: await ids(
          `SELECT c.id FROM campaign c WHERE EXISTS (SELECT 1 FROM impressions i WHERE i.campaign_id = c.id)
           ORDER BY c.id DESC LIMIT $1`,
          [candidateLimit],
        ),
      };
    },

    /** Run one generator in one transaction with the generator's own functions. */
    async generateRows(input: GenerateRowsInput): Promise<GenerateRowsResult> {
      const now = new Date(input.now);
      try {
        return await withPgTransaction(deps.pg, async (tx): Promise<GenerateRowsResult> => {
          switch (input.kind) {
            case 'advertiser': {
              const r = await insertAdvertisers(tx.db, { count: 1, seed: input.seed, now });
              return { table: 'advertiser', rows: r.ids.length, ids: r.ids };
            }
            case 'campaign': {
              const r = await insertCampaigns(tx.db, { advertiserId: input.advertiserId, count: 1, seed: input.seed, now });
              return { table: 'campaign', rows: r.ids.length, ids: r.ids };
            }
            case 'impressions': {
              const r = await insertImpressions(tx, { campaignId: input.campaignId, count: input.count ?? 0, seed: input.seed, now });
              return { table: 'impressions', rows: r.impressions, ids: [] };
            }
            case 'clicks': {
              const r = await insertClicks(tx.db, { campaignId: input.campaignId, ratio: input.ratio ?? -1, seed: input.seed });
              return { table: 'clicks', rows: r.clicks, ids: [] };
            }
          }
        });
      } catch (err) {
        // A size out of range, or the chosen row deleted since it was listed (a reset): retrying cannot help.
        if (err instanceof UsageError) throw nonRetryable(FailureType.BadInput, `generateRows ${input.kind}: ${err.message}`);
        throw err;
      }
    },
  };
}
