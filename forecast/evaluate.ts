import { AccuracyCounter, type Accuracy } from './accuracy.ts';
import { addDays, weekday } from '../core/calendar.ts';
import { dampShocks } from './damping.ts';
import { originState } from './features.ts';
import { FEATURE_WINDOW, HOLDOUT_DAYS } from './horizons.ts';
import type { Predictor } from './model.ts';
import { indexOf, type DailySeries, type Metric } from './series.ts';

/** A forecaster scored on the hold-out: a stored model or a baseline. */
export type Forecaster = (metric: Metric, values: Float64Array, origin: number, horizon: number, series: DailySeries) => number;

/** Same weekday last week (horizons up to 7 look back exactly one week). */
export const seasonalNaive: Forecaster = (_m, values, origin, horizon) => {
  const back = Math.ceil(horizon / 7) * 7;
  return values[origin + horizon - back]!;
};

/** Mean of the 28 days up to the origin. */
export const trailingMean: Forecaster = (_m, values, origin) => {
  let sum = 0;
  for (let i = origin - FEATURE_WINDOW + 1; i <= origin; i++) sum += values[i]!;
  return sum / FEATURE_WINDOW;
};

/** A model as a forecaster. */
export function modelForecaster(predictor: Predictor): Forecaster {
  return (metric, values, origin, horizon, series) => {
    const state = originState(dampShocks(values.subarray(0, origin + 1)), origin, weekday(series.firstDay));
    return state === null ? 0 : predictor.predict(metric, state, horizon).value;
  };
}

/** The hold-out: its days and the series scored on it. */
export interface Holdout {
  /** Last day before the hold-out: every forecast is made from here. */
  readonly origin: string;
  readonly from: string;
  readonly to: string;
}

/** The last HOLDOUT_DAYS days up to `asOf`. */
export function holdoutFor(asOf: string): Holdout {
  return { origin: addDays(asOf, -HOLDOUT_DAYS), from: addDays(asOf, -HOLDOUT_DAYS + 1), to: asOf };
}

/**
 * Score forecasters on the hold-out: from the origin, each predicts horizons 1..7 of
 * every series, and the predictions are compared with what happened.
 */
export function scoreHoldout(
  series: readonly DailySeries[],
  metric: Metric,
  holdout: Holdout,
  forecasters: Readonly<Record<string, Forecaster>>,
): Record<string, Accuracy> {
  const counters = Object.fromEntries(Object.keys(forecasters).map((k) => [k, new AccuracyCounter()]));
  for (const s of series) {
    const values = s.values[metric];
    const origin = indexOf(s, holdout.origin);
    if (origin < FEATURE_WINDOW - 1 || origin + HOLDOUT_DAYS > values.length - 1) continue;
    for (let h = 1; h <= HOLDOUT_DAYS; h++) {
      const actual = values[origin + h]!;
      for (const [name, f] of Object.entries(forecasters)) counters[name]!.add(h, actual, f(metric, values, origin, h, s));
    }
  }
  return Object.fromEntries(Object.entries(counters).map(([k, c]) => [k, c.result()]));
}
