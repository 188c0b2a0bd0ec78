import type { z } from 'zod';
import { checkInput, type InputProblem } from '../core/inputs/parse-input.ts';
import { FieldError, UsageError } from '../lib/errors.ts';

// The one place the CLI turns an input field into the flag a user typed: schemas, the
// generator and workflows name fields ("campaignId"); messages on the terminal name flags.

/** Flags a command spells differently from its fields' kebab-case, e.g. { campaignId: '--campaign' }. */
export type FlagOverrides = Readonly<Record<string, string>>;

/** The flag behind a field: `--` plus its kebab-case (`maxSleepSeconds` → `--max-sleep-seconds`) unless overridden. */
export function flagOf(field: string, overrides: FlagOverrides = {}): string {
  return overrides[field] ?? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** "--count must be …" for a rule, "--to: 2999-01-01 is in the future" for anything else. */
export function flagMessage(flag: string, problem: string): string {
  return problem.startsWith('must be') ? `${flag} ${problem}` : `${flag}: ${problem}`;
}

/** A UsageError (exit 2) naming the flag behind a field's problem. */
export function flagError(problem: InputProblem, overrides: FlagOverrides = {}): UsageError {
  const flag = flagOf(problem.field, overrides);
  return new UsageError(flagMessage(flag, problem.message), flag);
}

/** Parse an input assembled from flags with its schema; the first problem names its flag. */
export function parseFlagInput<S extends z.ZodType>(schema: S, input: unknown, overrides: FlagOverrides = {}): z.output<S> {
  const checked = checkInput(schema, input);
  if ('problem' in checked) throw flagError(checked.problem, overrides);
  return checked.value;
}

/** Run domain code called with flag values; a FieldError it throws comes back naming the flag. */
export async function withFlagNames<T>(fn: () => Promise<T>, overrides: FlagOverrides = {}): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof FieldError) throw flagError({ field: err.field, message: err.problem }, overrides);
    throw err;
  }
}
