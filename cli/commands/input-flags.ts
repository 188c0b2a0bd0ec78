import type { z } from 'zod';
import { flagOf } from '../flag-names.ts';
import { flagParser } from './flag-parsers.ts';

/**
 * A parser for the flag of one field of a workflow input, checked with that field's own
 * rule in the schema (so a bad value exits 2 before anything starts, in the schema's words).
 */
export function fieldFlag<S extends z.ZodObject, K extends keyof S['shape'] & string>(
  schema: S, field: K, read: (text: string) => unknown = (t) => t,
): (text: string) => z.output<S['shape'][K]> {
  return flagParser(flagOf(field), schema.shape[field] as S['shape'][K], read);
}
