import { UsageError } from '../lib/errors.ts';
import { MAX_SEED } from './random.ts';

/** Ids and counts fit PostgreSQL's SERIAL/INTEGER. */
export const MAX_INT4 = 2_147_483_647;

// Checks for generator inputs that arrive as numbers (from the CLI after parsing, or
// from workflows). Errors name the CLI flag, the vocabulary users see.

/** An integer in [min, MAX_INT4]; min 1 reads "positive", min 0 "non-negative". */
export function requireInt(value: number, field: string, min: 0 | 1): number {
  if (!Number.isInteger(value) || value < min || value > MAX_INT4) {
    const kind = min === 1 ? 'a positive integer' : 'a non-negative integer';
    throw new UsageError(`${field} must be ${kind} (at most ${MAX_INT4}), got ${JSON.stringify(value)}`, field);
  }
  return value;
}

/** A ratio in [0, 1] (a CTR or a click ratio). */
export function requireRatio(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`${field} must be a number between 0 and 1, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

/** A seed: a non-negative safe integer. */
export function requireSeed(value: number, field = '--seed'): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_SEED) {
    throw new UsageError(`${field} must be a non-negative integer, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

/** "now" for generated timestamps: a valid Date. */
export function requireInstant(value: Date, field = 'now'): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new UsageError(`${field} must be a valid date`, field);
  }
  return value;
}
