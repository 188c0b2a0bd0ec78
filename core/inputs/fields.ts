// Field rules of adpipe's inputs and the words their problems use, in one place: the
// workflow schemas, the generator's checks and the CLI's flag parsers all build on these.
// No Node imports: workflow code parses its inputs with them.
import { z } from 'zod';
import { isDay } from '../calendar.ts';

/** Ids and counts fit PostgreSQL's SERIAL/INTEGER. */
export const MAX_INT4 = 2_147_483_647;
/** Largest seed accepted: seeds travel through JSON and SQL bigint parameters. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** A value as a message quotes it: numbers as written (NaN too), anything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'number' || value === undefined ? String(value) : JSON.stringify(value);
}

/** zod's error option for "must be <text>, got <value>". */
export function mustBe(text: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => `must be ${text}, got ${shown(issue.input)}` };
}

/** "a positive integer" (min 1) or "a non-negative integer" (min 0): how counts and ids are worded. */
export function countWording(min: 0 | 1): string {
  return min === 1 ? 'a positive integer' : 'a non-negative integer';
}

/** A count or an id: an integer from `min` (0 or 1) to `max`, "must be a positive integer (at most 3600)". */
export function countField(min: 0 | 1, max = MAX_INT4) {
  const kind = countWording(min);
  return z.number(mustBe(kind)).int(mustBe(kind)).min(min, mustBe(kind)).max(max, mustBe(`${kind} (at most ${max})`));
}

/** An integer in [min, max], "must be an integer from 1 to 32" (no max: "of at least 1000"). */
export function intField(min: number, max?: number) {
  const kind = max === undefined ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
  const field = z.number(mustBe(kind)).int(mustBe(kind)).min(min, mustBe(kind));
  return max === undefined ? field : field.max(max, mustBe(kind));
}

/** A finite number in [min, max], "must be a number from 0 to 2". */
export function numberField(min: number, max: number) {
  const kind = `a number from ${min} to ${max}`;
  return z.number(mustBe(kind)).min(min, mustBe(kind)).max(max, mustBe(kind));
}

/** A finite number of at least 0. */
export function nonNegativeNumber() {
  return z.number(mustBe('a non-negative number')).min(0, mustBe('a non-negative number'));
}

/** A share in [0, 1]: a CTR or a click ratio. */
export function ratioField() {
  const kind = 'a number between 0 and 1';
  return z.number(mustBe(kind)).min(0, mustBe(kind)).max(1, mustBe(kind));
}

/** A seed for repeatable randomness. */
export function seedField(max = MAX_SEED) {
  return countField(0, max);
}

/** A real UTC calendar day written YYYY-MM-DD. */
export function dayField() {
  const kind = 'a date written YYYY-MM-DD';
  return z.string(mustBe(kind)).refine(isDay, mustBe(kind));
}

/** One of a fixed list of names, "must be one of a, b, c". */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, mustBe(`one of ${values.join(', ')}`));
}

/** A workflow input: an object of fields (anything else fails as the field "input"). */
export function inputObject<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.object(shape, mustBe('an object'));
}
