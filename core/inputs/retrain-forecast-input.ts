// The input of retrainForecast: one schema for the workflow, `adpipe retrain`, the schedule
// and the API (defaults that depend on the run: resolve-retrain-input.ts). No Node imports.
import { z } from 'zod';
import { MAX_HORIZON, TRAINING_HISTORY_DAYS } from '../../forecast/horizons.ts';
import { dayField, inputObject, intField, nonNegativeNumber } from './fields.ts';

/** What `adpipe retrain` and the schedule may pass; everything has a default. */
export const retrainForecastInput = inputObject({
  asOf: dayField().optional().describe('last complete UTC day to learn from (default: the day before the run\'s scheduled time)'),
  historyDays: intField(TRAINING_HISTORY_DAYS, 3650).default(120).describe('days of history read, ending at asOf'),
  forecastDays: intField(1, MAX_HORIZON).default(MAX_HORIZON).describe('days forecast after asOf'),
  seed: intField(0, 2 ** 31 - 1).default(1).describe('seeds the training-row sample: same data + same seed = same model'),
  ridge: nonNegativeNumber().default(1).describe('L2 penalty of the regression'),
  maxSamples: intField(1000, 1_000_000).default(60_000).describe('training rows per metric at most'),
});

export type RetrainForecastInput = Readonly<z.input<typeof retrainForecastInput>>;
