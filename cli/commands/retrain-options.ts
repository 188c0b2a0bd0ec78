import type { Command } from 'commander';
import { retrainForecastInput } from '../../core/inputs/retrain-forecast-input.ts';
import { signedNumber, wholeNumber } from './flag-parsers.ts';
import { fieldFlag } from './input-flags.ts';

/** The retrainForecast flags `retrain` and `run retrain-forecast` share (--seed is declared by each). */
export function addRetrainOptions(command: Command, prefix = ''): Command {
  return command
    .option('--as-of <date>', `${prefix}last complete UTC day to learn from (default: yesterday)`, fieldFlag(retrainForecastInput, 'asOf'))
    .option('--ridge <x>', `${prefix}L2 penalty of the regression (default 1)`, fieldFlag(retrainForecastInput, 'ridge', signedNumber))
    .option('--history-days <n>', `${prefix}days of history to read (default 120, at least 49)`, fieldFlag(retrainForecastInput, 'historyDays', wholeNumber))
    .option('--forecast-days <n>', `${prefix}days to forecast, 1..14 (default 14)`, fieldFlag(retrainForecastInput, 'forecastDays', wholeNumber));
}
