// Calendar shapes of ad traffic, shared by every generated campaign. Weights are relative;
// the functions below normalise them so a shape never changes a campaign's mean rate.

/** Weekday weights, Sunday first (Date#getUTCDay order), per audience type. */
const WEEKLY_WEIGHTS = {
  // Office-hours audiences: busy Monday to Friday, quiet at weekends.
  weekday: [0.62, 1.12, 1.16, 1.15, 1.13, 1.05, 0.66],
  // Leisure audiences: evenings and weekends.
  weekend: [1.32, 0.88, 0.86, 0.88, 0.92, 1.05, 1.38],
} as const;

/** Audience type: which weekly shape a campaign follows. */
export type WeeklyShape = keyof typeof WEEKLY_WEIGHTS;
export const weeklyShapes = Object.keys(WEEKLY_WEIGHTS) as WeeklyShape[];

/** Share of a 24-hour day's traffic per UTC hour: night trough, evening peak. */
const HOURLY_WEIGHTS = [
  0.9, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.3, 1.6, 1.5, 1.4, 1.4,
  1.5, 1.4, 1.3, 1.3, 1.4, 1.6, 1.9, 2.1, 2.2, 2.0, 1.6, 1.2,
] as const;

function normalise(weights: readonly number[], mean: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (w * weights.length * mean) / sum);
}

const weekly: Record<WeeklyShape, number[]> = {
  weekday: normalise(WEEKLY_WEIGHTS.weekday, 1),
  weekend: normalise(WEEKLY_WEIGHTS.weekend, 1),
};

/** Multiplier of a campaign's rate on a weekday (0 = Sunday); averages 1 over a week. */
export function weekdayFactor(shape: WeeklyShape, dayOfWeek: number): number {
  return weekly[shape][dayOfWeek]!;
}

/** Cumulative hourly shares, for drawing an hour with one uniform number. */
export const hourlyCdf: readonly number[] = (() => {
  const shares = normalise(HOURLY_WEIGHTS, 1 / HOURLY_WEIGHTS.length);
  let acc = 0;
  return shares.map((s) => (acc += s));
})();

/** The UTC hour a uniform draw u in [0, 1) falls in under the hourly shape. */
export function hourFor(u: number): number {
  for (let h = 0; h < hourlyCdf.length; h++) if (u < hourlyCdf[h]!) return h;
  return hourlyCdf.length - 1;
}
