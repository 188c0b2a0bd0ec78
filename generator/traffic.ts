import type { Rng } from './random.ts';

/** Impressions fall in the 7 days before "now" (the task's generator: "the past week"). */
export const IMPRESSION_WINDOW_MICROS = 7 * 86_400 * 1_000_000;
/** A click comes 1–120 s after its impression (the task's generator). */
export const CLICK_DELAY_MICROS = { min: 1_000_000, max: 120_000_000 } as const;

/** One campaign's generated facts, as epoch microseconds sorted ascending. */
export interface CampaignTraffic {
  readonly impressions: Float64Array;
  readonly clicks: Float64Array;
}

/** Clicks for a ratio of impressions: ⌊impressions × ratio⌋, as the task's `int()` does. */
export function clickCount(impressions: number, ratio: number): number {
  // The epsilon absorbs binary-float error (100 × 0.29 = 28.999…), not real fractions.
  return Math.min(impressions, Math.floor(impressions * ratio + 1e-9));
}

/**
 * Impression times uniform over (now − 7 days, now], and clicks for ⌊count × ctr⌋ distinct
 * impressions, each 1–120 s after its impression (so a click can be up to 2 minutes after
 * "now", as in the task's generator). The times are i.i.d., so the first k drawn are a
 * uniform sample without replacement: no shuffle needed. Both lists come back sorted,
 * which keeps index inserts local (measured: faster bulk loads).
 */
export function campaignTraffic(rng: Rng, count: number, ctr: number, nowMicros: number): CampaignTraffic {
  const impressions = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    impressions[i] = nowMicros - Math.floor(rng.next() * IMPRESSION_WINDOW_MICROS);
  }
  const clicks = new Float64Array(clickCount(count, ctr));
  const span = CLICK_DELAY_MICROS.max - CLICK_DELAY_MICROS.min + 1;
  for (let i = 0; i < clicks.length; i++) {
    clicks[i] = impressions[i]! + CLICK_DELAY_MICROS.min + Math.floor(rng.next() * span);
  }
  impressions.sort();
  clicks.sort();
  return { impressions, clicks };
}
