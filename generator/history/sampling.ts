import type { Rng } from '../random.ts';

/** A standard normal draw (Box–Muller; one of the pair is dropped for simplicity). */
export function gaussian(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1]: log(0) is never taken
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/**
 * A Poisson count with mean λ: Knuth's product method for small λ, the normal
 * approximation above 50 (its error is far below the day-to-day noise we add).
 */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rng)));
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** A mean-one log-normal multiplier with log-σ `sigma`: day-to-day swings of demand. */
export function meanOneLogNormal(rng: Rng, sigma: number): number {
  return sigma === 0 ? 1 : Math.exp(sigma * gaussian(rng) - (sigma * sigma) / 2);
}

/**
 * Rare demand shocks: a few days a season a campaign bursts (a promotion, a viral post)
 * or collapses (an outage, a paused line item). Forecasts should not chase them.
 */
export const demandShocks = { probability: 0.03, spike: 2.0, dip: 0.4 } as const;

/** Mean of the shock multiplier: part of a campaign's true expected rate. */
export const shockMean = 1 - demandShocks.probability + (demandShocks.probability * (demandShocks.spike + demandShocks.dip)) / 2;

/** Today's shock multiplier: usually 1. */
export function demandShock(rng: Rng): number {
  if (rng.next() >= demandShocks.probability) return 1;
  return rng.next() < 0.5 ? demandShocks.spike : demandShocks.dip;
}
