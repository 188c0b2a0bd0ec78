// No Node imports: workflow code.
import type { z } from 'zod';
import { addDays, utcDay } from '../calendar.ts';
import { badInput } from '../failures.ts';
import { parseWorkflowInput } from './parse-workflow-input.ts';
import { retrainForecastInput } from './retrain-forecast-input.ts';

/** The input with defaults filled in. */
export type ResolvedRetrainInput = Required<z.output<typeof retrainForecastInput>>;

/**
 * Validate and fill in defaults, asOf from the run's instant (the day before it: the last
 * complete UTC day); bad input fails the workflow at once, never retried.
 */
export function resolveRetrainInput(input: unknown, runInstant: Date): ResolvedRetrainInput {
  const parsed = parseWorkflowInput(retrainForecastInput, input);
  const lastComplete = addDays(utcDay(runInstant), -1);
  const asOf = parsed.asOf ?? lastComplete;
  if (asOf > lastComplete) throw badInput('asOf', `${asOf} is not a complete UTC day yet; the latest is ${lastComplete}`);
  return { ...parsed, asOf };
}
