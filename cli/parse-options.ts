import { UsageError } from '../lib/errors.ts';

/** A commander argParser for a positive integer flag, naming the flag when it is not one. */
export function parsePositiveInt(flag: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
      throw new UsageError(`${flag} must be a positive integer, got "${value}"`, flag);
    }
    return Number(value);
  };
}
