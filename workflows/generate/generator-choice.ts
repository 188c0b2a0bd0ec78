// Pure choice logic of generateNewData (no I/O, no Node imports): which generator runs,
// on which row, drawn from a random source the workflow supplies.

import { generatorKinds, type GeneratorKind } from '../../core/inputs/generate-new-data-input.ts';

/** Relative odds: facts arrive more often than new advertisers and campaigns, as in real traffic. */
export const generatorWeights: Readonly<Record<GeneratorKind, number>> = { advertiser: 1, campaign: 2, impressions: 4, clicks: 3 };

/** Ids a generator can work on, listed by an activity (newest first, capped). */
export interface GenerationCandidates {
  readonly advertiserIds: number[];
  /** Campaigns whose flight includes the run's day. */
  readonly activeCampaignIds: number[];
  readonly campaignIdsWithImpressions: number[];
}

/** A generator and the row it works on. */
export type GeneratorTarget =
  | { readonly kind: 'advertiser' }
  | { readonly kind: 'campaign'; readonly advertiserId: number }
  | { readonly kind: 'impressions'; readonly campaignId: number }
  | { readonly kind: 'clicks'; readonly campaignId: number };

/** A uniform number in [0, 1), like Math.random. */
export type RandomSource = () => number;

/** Draw a generator with generatorWeights' odds. */
export function pickGenerator(random: RandomSource): GeneratorKind {
  const total = generatorKinds.reduce((sum, k) => sum + generatorWeights[k], 0);
  let r = random() * total;
  for (const kind of generatorKinds) {
    r -= generatorWeights[kind];
    if (r < 0) return kind;
  }
  return generatorKinds[generatorKinds.length - 1]!;
}

const pick = (random: RandomSource, ids: readonly number[]): number => ids[Math.floor(random() * ids.length)]!;

/**
 * Resolve the wanted generator against what exists, falling back one step at a time
 * when it has nothing to work on: clicks need a campaign with impressions, else new
 * impressions; impressions need an active campaign, else a new campaign; a campaign
 * needs an advertiser, else a new advertiser (always possible).
 */
export function resolveTarget(wanted: GeneratorKind, c: GenerationCandidates, random: RandomSource): GeneratorTarget {
  switch (wanted) {
    case 'clicks':
      if (c.campaignIdsWithImpressions.length > 0) return { kind: 'clicks', campaignId: pick(random, c.campaignIdsWithImpressions) };
      return resolveTarget('impressions', c, random);
    case 'impressions':
      if (c.activeCampaignIds.length > 0) return { kind: 'impressions', campaignId: pick(random, c.activeCampaignIds) };
      return resolveTarget('campaign', c, random);
    case 'campaign':
      if (c.advertiserIds.length > 0) return { kind: 'campaign', advertiserId: pick(random, c.advertiserIds) };
      return { kind: 'advertiser' };
    case 'advertiser':
      return { kind: 'advertiser' };
  }
}

/**
 * A small seeded generator (mulberry32) for runs given an explicit seed: the same seed
 * makes the same choices in any run, where the workflow's own Math.random is seeded per run.
 */
export function seededRandom(seed: number): RandomSource {
  let state = (seed ^ Math.floor(seed / 2 ** 32)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [min, max]. */
export function randomInt(random: RandomSource, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
