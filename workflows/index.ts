// Every workflow the worker registers (the bundler starts from this file).
export { initialLoad } from './pipeline/initial-load.ts';
export { trackDeltas } from './pipeline/track-deltas.ts';
export { generateNewData } from './generate/generate-new-data.ts';
export { backfill } from './backfill/backfill.ts';
export { backfillDay } from './backfill/backfill-day.ts';
export { retrainForecast } from './forecast/retrain-forecast.ts';
