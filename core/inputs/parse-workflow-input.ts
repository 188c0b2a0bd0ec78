// No Node imports: workflow code.
import type { z } from 'zod';
import { badInput } from '../failures.ts';
import { checkInput } from './parse-input.ts';

/** Parse a workflow's input with its schema; a problem fails the run for good (BadInput naming the field). */
export function parseWorkflowInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const checked = checkInput(schema, input);
  if ('problem' in checked) throw badInput(checked.problem.field, checked.problem.message);
  return checked.value;
}
