import type { PgTx } from '../../lib/postgres/transaction.ts';
import { generateAdvertiser } from '../campaign-row.ts';
import { historyCampaignRows } from '../history/campaign-rows.ts';
import { historyCopyText } from '../history/copy-rows.ts';
import { expectedImpressions, planHistory, type CampaignProfile, type HistoryPlan } from '../history/plan.ts';
import { MAX_INT4 } from '../../core/inputs/fields.ts';
import { requireIntIn, requireNumberIn, requireRatio } from '../inputs.ts';
import { insertAdvertiserRows } from '../store/advertisers.ts';
import { insertCampaignRows } from '../store/campaigns.ts';
import { insertClicksFromImpressions } from '../store/clicks-from-impressions.ts';
import { copyHistoryImpressions } from '../store/history-impressions.ts';
import { addDays, utcDay } from '../../core/calendar.ts';
import { startGeneration, type GenerationOptions } from './context.ts';
import { progressCounter, type ProgressListener } from './progress.ts';

/** `adpipe history`: weeks of realistic traffic for forecasting and demos. */
export interface InsertHistoryInput extends GenerationOptions {
  readonly campaigns: number;
  /** Complete UTC days of history, ending the day before `now`. */
  readonly days: number;
  /** Advertisers owning the campaigns (default: one per four campaigns). */
  readonly advertisers?: number | undefined;
  readonly ctr?: number | undefined;
  readonly noise?: number | undefined;
  readonly scale?: number | undefined;
  readonly lateStarters?: number | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

/** A generated campaign: its id and the profile its traffic was drawn from. */
export interface HistoryCampaign extends CampaignProfile {
  readonly id: number;
}

export interface InsertHistoryResult {
  readonly seed: number;
  /** The plan with ids: `expectedImpressions(plan, campaign, dayIndex)` is the truth. */
  readonly plan: HistoryPlan & { readonly profiles: readonly HistoryCampaign[] };
  readonly lastDay: string;
  readonly advertisers: number;
  readonly impressions: number;
  readonly clicks: number;
}

/**
 * Advertisers, campaigns, `days` days of impressions (weekday and hour-of-day shape,
 * per-campaign base rate and trend, noise, users with country/device/age band) and
 * clicks, in the caller's transaction. Impressions stream through one COPY.
 */
export async function insertHistory(tx: PgTx, input: InsertHistoryInput): Promise<InsertHistoryResult> {
  const campaigns = requireIntIn(input.campaigns, 'campaigns', 1, 10_000);
  const days = requireIntIn(input.days, 'days', 1, 3_650);
  const advertisers = requireIntIn(input.advertisers ?? Math.ceil(campaigns / 4), 'advertisers', 1, MAX_INT4);
  const ctr = requireRatio(input.ctr ?? 0.02, 'ctr');
  const noise = requireNumberIn(input.noise ?? 0.15, 'noise', 0, 2);
  const scale = requireNumberIn(input.scale ?? 1, 'scale', 0.001, 1_000);
  const lateStarters = requireRatio(input.lateStarters ?? 0.2, 'lateStarters');
  const { seed, rng, now } = startGeneration(input);
  const firstDay = addDays(utcDay(now), -days);
  const plan = planHistory(rng, { campaigns, days, firstDay, noise, scale, lateStarters });

  const advertiserIds = await insertAdvertiserRows(tx.db, Array.from({ length: advertisers }, () => generateAdvertiser(rng)));
  const refs = await insertCampaignRows(tx.db, historyCampaignRows(rng, plan, advertiserIds, ctr));
  const streams = refs.map((r) => ({ campaignId: r.id, seed: rng.int(0, MAX_INT4) }));
  let expected = 0;
  for (const p of plan.profiles) for (let d = 0; d < days; d++) expected += expectedImpressions(plan, p, d);
  const onRows = progressCounter(input.onProgress, 'impressions', Math.round(expected));
  const impressions = await copyHistoryImpressions(tx.client, historyCopyText(plan, streams, (_c, _d, n) => onRows?.(n)));

  let clicks = 0;
  for (const { campaignId } of streams) {
    const sample = await insertClicksFromImpressions(tx.db, { campaignId, ratio: ctr, pickSeed: rng.int(0, MAX_INT4), delaySeed: rng.int(0, MAX_INT4) });
    clicks += sample.clicks;
  }
  const profiles = plan.profiles.map((p, i) => ({ ...p, id: refs[i]!.id }));
  return { seed, plan: { ...plan, profiles }, lastDay: addDays(firstDay, days - 1), advertisers, impressions, clicks };
}
