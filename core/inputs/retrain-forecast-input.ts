import { ApplicationFailure } from '@temporalio/workflow';
import { addDays, isDay, utcDay } from '../calendar.ts';
import { MAX_HORIZON, TRAINING_HISTORY_DAYS } from '../../forecast/horizons.ts';

/** What `adpipe retrain` and the schedule may pass; everything has a default. */
export interface RetrainForecastInput {
  /** Last complete UTC day to learn from (default: the day before the run's scheduled time). */
  readonly asOf?: string;
  /** Days of history read, ending at asOf (default 120). */
  readonly historyDays?: number;
  /** Days forecast after asOf (1..14, default 14). */
  readonly forecastDays?: number;
  /** Seeds the training-row sample (default 1): same data + same seed = same model. */
  readonly seed?: number;
  /** L2 penalty of the regression (default 1). */
  readonly ridge?: number;
  /** Training rows per metric at most (default 60,000). */
  readonly maxSamples?: number;
}

/** The input with defaults filled in. */
export type ResolvedRetrainInput = Required<RetrainForecastInput>;

const bad = (field: string, message: string) =>
  ApplicationFailure.create({ type: 'BadInput', nonRetryable: true, message: `${field}: ${message}` });

function intIn(value: number | undefined, field: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw bad(field, `must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return value;
}

/** Validate and fill in defaults; bad input fails the workflow at once, never retried. */
export function resolveRetrainInput(input: RetrainForecastInput, runInstant: Date): ResolvedRetrainInput {
  const lastComplete = addDays(utcDay(runInstant), -1);
  const asOf = input.asOf ?? lastComplete;
  if (typeof asOf !== 'string' || !isDay(asOf)) throw bad('asOf', `must be a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  if (asOf > lastComplete) throw bad('asOf', `${asOf} is not a complete UTC day yet; the latest is ${lastComplete}`);
  const ridge = input.ridge ?? 1;
  if (typeof ridge !== 'number' || !Number.isFinite(ridge) || ridge < 0) throw bad('ridge', `must be a non-negative number, got ${JSON.stringify(ridge)}`);
  return {
    asOf,
    historyDays: intIn(input.historyDays, 'historyDays', TRAINING_HISTORY_DAYS, 3650, 120),
    forecastDays: intIn(input.forecastDays, 'forecastDays', 1, MAX_HORIZON, MAX_HORIZON),
    seed: intIn(input.seed, 'seed', 0, 2 ** 31 - 1, 1),
    ridge,
    maxSamples: intIn(input.maxSamples, 'maxSamples', 1000, 1_000_000, 60_000),
  };
}
