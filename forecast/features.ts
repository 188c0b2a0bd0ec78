import { FEATURE_WINDOW } from './horizons.ts';

/**
 * What the model knows about a series at an origin day t (its last observed day),
 * computed from the FEATURE_WINDOW days ending at t only, so training never peeks
 * ahead. Levels are in log space relative to the window mean: the same features describe
 * a campaign of 100 impressions a day and a segment of a million.
 */
export interface OriginState {
  /** Mean of the window: the level every prediction is a multiple of. */
  readonly level: number;
  /** Log growth per day, from weekly means (whole weeks: no weekday bias). */
  readonly slope: number;
  /** Days from the centre of the weeks the slope was fitted on to day t. */
  readonly trendLead: number;
  /** log(mean of the last 7 days / level): where the series is now. */
  readonly recent: number;
  /** log(weekend mean / weekday mean): which audience type the series is. */
  readonly weekendLift: number;
  /** Per weekday (0 = Sunday): log(mean of that weekday / level). */
  readonly weekdayLift: readonly number[];
  /** Per weekday: log(last value on that weekday / level), the seasonal-naive lag. */
  readonly lastLift: readonly number[];
  /** Weekday of day t. */
  readonly weekday: number;
}

const lg = (value: number, level: number) => Math.log((value + 1) / (level + 1));

/** Weeks the trend is fitted over, when the history has them: more weeks, steadier slope. */
export const TREND_WEEKS = 8;

/** Least-squares slope (per day) of the log weekly means of up to TREND_WEEKS whole weeks ending at t. */
function trend(values: Float64Array, t: number): { slope: number; centre: number } {
  const weeks = Math.min(TREND_WEEKS, Math.floor((t + 1) / 7));
  const mid = (weeks - 1) / 2;
  let num = 0;
  let den = 0;
  for (let k = 0; k < weeks; k++) {
    let sum = 0;
    const end = t - (weeks - 1 - k) * 7;
    for (let i = end - 6; i <= end; i++) sum += values[i]!;
    num += (k - mid) * Math.log(sum / 7 + 1);
    den += (k - mid) ** 2;
  }
  return { slope: num / den / 7, centre: (weeks * 7 - 1) / 2 };
}

/** State at index t of `values` (weekday of values[0] is `firstWeekday`); null without a full, non-empty window. */
export function originState(values: Float64Array, t: number, firstWeekday: number): OriginState | null {
  const start = t - FEATURE_WINDOW + 1;
  if (start < 0 || t >= values.length) return null;
  const weekSums = [0, 0, 0, 0];
  const daySums = [0, 0, 0, 0, 0, 0, 0];
  const lastValue = [0, 0, 0, 0, 0, 0, 0];
  let sum = 0;
  for (let i = start; i <= t; i++) {
    const v = values[i]!;
    const dow = (firstWeekday + i) % 7;
    sum += v;
    weekSums[Math.floor((i - start) / 7)]! += v;
    daySums[dow]! += v;
    lastValue[dow] = v; // ascending i: ends with the latest
  }
  const level = sum / FEATURE_WINDOW;
  if (level <= 0) return null;
  const { slope, centre } = trend(values, t);
  const weekdayLift = daySums.map((s) => lg(s / 4, level));
  const weekend = (daySums[0]! + daySums[6]!) / 8;
  const weekdays = (sum - daySums[0]! - daySums[6]!) / 20;
  return {
    level,
    slope,
    trendLead: centre,
    recent: lg(weekSums[3]! / 7, level),
    weekendLift: Math.log((weekend + 1) / (weekdays + 1)),
    weekdayLift,
    lastLift: lastValue.map((v) => lg(v, level)),
    weekday: (firstWeekday + t) % 7,
  };
}

/** Number of model inputs per (origin, horizon). */
export const FEATURE_COUNT = 7 + 7 + 6;

/**
 * Model inputs for the day `horizon` days after the origin: weekday indicators (the
 * intercepts), weekday × audience type, the series' own weekday lift and last same
 * weekday, its recent level, and its trend projected from the window's centre.
 */
export function featureVector(s: OriginState, horizon: number): number[] {
  const dow = (s.weekday + horizon) % 7;
  const x = new Array<number>(FEATURE_COUNT).fill(0);
  x[dow] = 1;
  x[7 + dow] = s.weekendLift;
  x[14] = s.weekdayLift[dow]!;
  x[15] = s.lastLift[dow]!;
  x[16] = s.recent;
  // Trend from the window's centre to its end, and on to the target day: separate
  // weights let the fit decide how far to trust a noisy slope over each stretch.
  x[17] = s.slope * s.trendLead;
  x[18] = s.slope * horizon;
  x[19] = horizon / 14;
  return x;
}

/** The learning target: log of the day's value relative to the origin's level. */
export function targetOf(value: number, s: OriginState): number {
  return lg(value, s.level);
}

/** A prediction in the target's scale back to a count (never negative). */
export function fromTarget(target: number, s: OriginState): number {
  return Math.max(0, (s.level + 1) * Math.exp(target) - 1);
}
