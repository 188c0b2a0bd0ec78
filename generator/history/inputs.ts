import { UsageError } from '../../lib/errors.ts';

/** A finite number in [min, max]; errors name the flag, as every generator check does. */
export function requireNumberIn(value: number, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${field} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

/** An integer in [min, max]. */
export function requireIntIn(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${field} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`, field);
  }
  return value;
}
