import { z } from 'zod';
import { countField, intField, mustBe, numberField, ratioField, seedField } from '../core/inputs/fields.ts';
import { checkInput } from '../core/inputs/parse-input.ts';
import { FieldError } from '../lib/errors.ts';

// Checks for generator inputs that arrive as numbers (from the CLI after parsing, from
// activities, from tests). They use core's field rules and name the input field
// ("count: must be …"); the CLI renames fields to its flags.

/** An input object checked with its schema; the first problem is a FieldError naming the field. */
export function checkFields<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const checked = checkInput(schema, input);
  if ('problem' in checked) throw new FieldError(checked.problem.field, checked.problem.message);
  return checked.value;
}

/** One value checked with a field rule. */
function checkField<S extends z.ZodType>(rule: S, value: unknown, field: string): z.output<S> {
  const parsed = rule.safeParse(value);
  if (!parsed.success) throw new FieldError(field, parsed.error.issues[0]!.message);
  return parsed.data;
}

/** A count or id: min 1 reads "positive", min 0 "non-negative" (at most MAX_INT4). */
export function requireInt(value: number, field: string, min: 0 | 1): number {
  return checkField(countField(min), value, field);
}

/** An integer in [min, max]. */
export function requireIntIn(value: number, field: string, min: number, max: number): number {
  return checkField(intField(min, max), value, field);
}

/** A finite number in [min, max]. */
export function requireNumberIn(value: number, field: string, min: number, max: number): number {
  return checkField(numberField(min, max), value, field);
}

/** A ratio in [0, 1] (a CTR or a click ratio). */
export function requireRatio(value: number, field: string): number {
  return checkField(ratioField(), value, field);
}

/** A seed: a non-negative safe integer. */
export function requireSeed(value: number, field = 'seed'): number {
  return checkField(seedField(), value, field);
}

/** "now" for generated timestamps: a valid Date. */
export function requireInstant(value: Date, field = 'now'): Date {
  return checkField(z.date(mustBe('a valid date')), value, field);
}
