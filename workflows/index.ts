// Every workflow the worker registers (the bundler starts from this file).
export { initialLoad } from './initial-load.ts';
export { trackDeltas } from './track-deltas.ts';
export { generateNewData } from './generate-new-data.ts';
export { backfill } from './backfill.ts';
export { backfillDay } from './backfill-day.ts';
export { retrainForecast } from './retrain-forecast.ts';
