import { UsageError } from '../../lib/errors.ts';
import { MAX_INT4 } from '../../generator/inputs.ts';
import { MAX_SEED } from '../../generator/random.ts';

// commander argParsers: turn flag text into numbers or throw a UsageError naming the flag
// and quoting what was typed (runMain maps it to exit code 2). Strict on purpose:
// Number('') is 0 and parseInt('12abc') is 12, both silent surprises.

const DIGITS = /^\d+$/;
const DECIMAL = /^\+?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Parser for an integer flag in [min, max]: "positive" for min 1, "non-negative" for 0. */
export function intFlag(flag: string, min: 0 | 1, max = MAX_INT4): (text: string) => number {
  const kind = min === 1 ? 'a positive integer' : 'a non-negative integer';
  return (text) => {
    const value = Number(text);
    if (!DIGITS.test(text) || value < min || value > max) {
      throw new UsageError(`${flag} must be ${kind}${value > max ? ` (at most ${max})` : ''}, got "${text}"`, flag);
    }
    return value;
  };
}

/** Parser for a ratio flag in [0, 1] (CTR, click ratio). */
export function ratioFlag(flag: string): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!DECIMAL.test(text) || !(value >= 0 && value <= 1)) {
      throw new UsageError(`${flag} must be a number between 0 and 1, got "${text}"`, flag);
    }
    return value;
  };
}

/** Parser for --seed: a non-negative integer. */
export const seedFlag = intFlag('--seed', 0, MAX_SEED);
