// Turning a zod result into adpipe's problem shape (a field and what is wrong with it), for
// workflows, the generator and the CLI (which names the flag instead). No Node imports, and
// no Temporal either: the CLI loads this to check flags and must start fast.
import type { z } from 'zod';

/** What is wrong with an input, naming the field at fault. */
export interface InputProblem {
  /** Path of the field, e.g. "campaignId" or "generateIfEmpty.ctr"; "input" for the whole. */
  readonly field: string;
  /** What is wrong, e.g. "must be a positive integer, got -3". */
  readonly message: string;
}

/** The first problem zod found. List indices are left out of the field: the message names the value. */
export function firstProblem(error: z.ZodError): InputProblem {
  const issue = error.issues[0]!;
  const path = issue.path.filter((key) => typeof key === 'string');
  return { field: path.length === 0 ? 'input' : path.join('.'), message: issue.message };
}

/** Parse an input: its value, or its first problem. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): { value: z.output<S> } | { problem: InputProblem } {
  const parsed = schema.safeParse(input);
  return parsed.success ? { value: parsed.data } : { problem: firstProblem(parsed.error) };
}
