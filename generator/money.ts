import type { Rng } from './random.ts';

/** Closed range of whole cents. */
export interface CentsRange {
  readonly min: number;
  readonly max: number;
}

/** Campaign bids: 0.50–5.00 (the task's generator). */
export const BID_CENTS: CentsRange = { min: 50, max: 500 };
/** Campaign budgets: 50.00–500.00 (the task's generator). */
export const BUDGET_CENTS: CentsRange = { min: 5_000, max: 50_000 };

/** Uniform whole cents in the range: money is drawn as integers, never floats. */
export function randomCents(rng: Rng, range: CentsRange): number {
  return rng.int(range.min, range.max);
}

/** NUMERIC text for whole cents: 1234 → '12.34', 5 → '0.05'. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be an integer, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
