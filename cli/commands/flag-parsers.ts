import type { z } from 'zod';
import { countField, MAX_INT4, nonNegativeNumber, ratioField, seedField, shown } from '../../core/inputs/fields.ts';
import { UsageError } from '../../lib/errors.ts';
import { flagMessage } from '../flag-names.ts';

// commander argParsers: flag text → a value checked with core's field rules, or a
// UsageError naming the flag and quoting what was typed (runMain maps it to exit 2).
// Strict on purpose: Number('') is 0 and parseInt('12abc') is 12, both silent surprises.

const DIGITS = /^\d+$/;
const DECIMAL = /^\+?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Text read as a whole number when it is written as one; anything else stays text (and fails the rule). */
export const wholeNumber = (text: string): unknown => (DIGITS.test(text) ? Number(text) : text);
/** Text read as a plain decimal (no sign, no hex, no "Infinity"). */
export const decimal = (text: string): unknown => (DECIMAL.test(text) ? Number(text) : text);
/** Text read as any finite number, sign included. */
export const signedNumber = (text: string): unknown => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/** A parser checking the value read from the text with `rule`; messages quote the text as typed. */
export function flagParser<S extends z.ZodType>(flag: string, rule: S, read: (text: string) => unknown = (t) => t): (text: string) => z.output<S> {
  return (text) => {
    const value = read(text);
    const parsed = rule.safeParse(value);
    if (parsed.success) return parsed.data;
    const problem = parsed.error.issues[0]!.message;
    const got = `, got ${shown(value)}`;
    const quoted = problem.endsWith(got) ? `${problem.slice(0, -got.length)}, got ${JSON.stringify(text)}` : problem;
    throw new UsageError(flagMessage(flag, quoted), flag);
  };
}

/** Parser for an integer flag in [min, max]: "positive" for min 1, "non-negative" for 0. */
export function intFlag(flag: string, min: 0 | 1, max = MAX_INT4): (text: string) => number {
  return flagParser(flag, countField(min, max), wholeNumber);
}

/** Parser for a ratio flag in [0, 1] (CTR, click ratio). */
export function ratioFlag(flag: string): (text: string) => number {
  return flagParser(flag, ratioField(), decimal);
}

/** Parser for a non-negative number flag (a penalty, a factor). */
export function nonNegativeFlag(flag: string): (text: string) => number {
  return flagParser(flag, nonNegativeNumber(), signedNumber);
}

/** Parser for --seed: a non-negative integer. */
export const seedFlag = flagParser('--seed', seedField(), wholeNumber);
