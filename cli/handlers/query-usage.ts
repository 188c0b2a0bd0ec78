import { UsageError } from '../../lib/errors.ts';
import { QueryInputError, type FieldNamer } from '../../queries/query-errors.ts';

/** The flag (or argument) behind each query field, so messages say what to type instead. */
const flagOf: Record<string, string> = {
  campaignId: '--campaign',
  from: '--from',
  to: '--to',
  days: '--days',
  segment: '--segment',
  limit: '--limit',
  report: 'report',
};

/** A query field by its CLI flag (fields without one keep their name). */
export const flagName: FieldNamer = (field) => flagOf[field] ?? field;

/** A query's input error as the CLI's usage error (exit 2) naming the flag; anything else unchanged. */
export function asUsageError(err: unknown): unknown {
  if (!(err instanceof QueryInputError)) return err;
  return new UsageError(err.messageFor(flagName), flagName(err.field));
}

/** Run a query's pure input check; its errors come out as usage errors naming flags. */
export function flagged<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    throw asUsageError(err);
  }
}

/** Run a query; its input errors come out as usage errors naming flags. */
export async function withFlagNames<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw asUsageError(err);
  }
}
