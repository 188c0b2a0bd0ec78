import { describe, expect, it } from 'vitest';
import { generatorKinds } from '../../../core/inputs/generate-new-data-input.ts';
import {
  generatorWeights, pickGenerator, randomInt, resolveTarget, seededRandom, type GenerationCandidates,
} from '../../../workflows/generate/generator-choice.ts';

const none: GenerationCandidates = { advertiserIds: [], activeCampaignIds: [], campaignIdsWithImpressions: [] };
const all: GenerationCandidates = { advertiserIds: [1, 2], activeCampaignIds: [10, 11], campaignIdsWithImpressions: [20] };

describe('seededRandom', () => {
  it('repeats for a seed, differs between seeds, stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const seqA = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(seqA.slice(0, 5));
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 5 }, seededRandom(2 ** 40 + 7))).not.toEqual(Array.from({ length: 5 }, seededRandom(7)));
  });

  it('gives integers over the whole closed range', () => {
    const r = seededRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => randomInt(r, 0, 3)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('pickGenerator', () => {
  it('draws each generator about as often as its weight says', () => {
    const r = seededRandom(7);
    const counts = Object.fromEntries(generatorKinds.map((k) => [k, 0])) as Record<string, number>;
    const n = 20_000;
    for (let i = 0; i < n; i++) counts[pickGenerator(r)]! += 1;
    const total = generatorKinds.reduce((s, k) => s + generatorWeights[k], 0);
    for (const k of generatorKinds) expect(counts[k]! / n).toBeCloseTo(generatorWeights[k] / total, 1);
  });
});

describe('resolveTarget', () => {
  const first = () => 0;
  it('runs the wanted generator when it has something to work on', () => {
    expect(resolveTarget('clicks', all, first)).toEqual({ kind: 'clicks', campaignId: 20 });
    expect(resolveTarget('impressions', all, first)).toEqual({ kind: 'impressions', campaignId: 10 });
    expect(resolveTarget('campaign', all, () => 0.99)).toEqual({ kind: 'campaign', advertiserId: 2 });
    expect(resolveTarget('advertiser', all, first)).toEqual({ kind: 'advertiser' });
  });

  it('falls back one step at a time down to a new advertiser', () => {
    expect(resolveTarget('clicks', none, first)).toEqual({ kind: 'advertiser' });
    expect(resolveTarget('clicks', { ...all, campaignIdsWithImpressions: [] }, first)).toEqual({ kind: 'impressions', campaignId: 10 });
    expect(resolveTarget('impressions', { ...none, advertiserIds: [5] }, first)).toEqual({ kind: 'campaign', advertiserId: 5 });
    expect(resolveTarget('clicks', { ...none, advertiserIds: [5] }, first)).toEqual({ kind: 'campaign', advertiserId: 5 });
  });
});
