import type { Rng } from '../random.ts';
import { addDays } from '../../core/calendar.ts';
import { attributeMix, POPULATION, usersOfCountry } from './population.ts';
import { shockMean } from './sampling.ts';
import { weekdayFactor, weeklyShapes, type WeeklyShape } from './shapes.ts';

/** How one generated campaign delivers: the ground truth a forecast is judged against. */
export interface CampaignProfile {
  /** Expected impressions per day on the first history day, before the weekday factor. */
  readonly base: number;
  /** Exponential growth of the rate per day (0.01 = +1 %/day). */
  readonly trendPerDay: number;
  readonly weekly: WeeklyShape;
  /** Days after the first history day the campaign starts delivering. */
  readonly startOffset: number;
  /** Targeted country, or null for everyone. */
  readonly country: string | null;
  /** Users the campaign can reach, and where its slice of eligible users begins. */
  readonly audienceSize: number;
  readonly audienceOffset: number;
}

/** A generated history: its calendar, noise level and campaigns. */
export interface HistoryPlan {
  /** First day (UTC) with traffic, 'YYYY-MM-DD'. */
  readonly firstDay: string;
  readonly days: number;
  /** σ of the day-to-day log-normal noise on top of Poisson counts. */
  readonly noise: number;
  readonly profiles: readonly CampaignProfile[];
}

/** Knobs of a plan; the CLI's `history` flags. */
export interface PlanOptions {
  readonly campaigns: number;
  readonly days: number;
  readonly firstDay: string;
  readonly noise: number;
  /** Multiplies every base rate (1 = 200–2,000 impressions a day). */
  readonly scale: number;
  /** Share of campaigns that start part-way through the history. */
  readonly lateStarters: number;
}

/** Draw campaign profiles; the same rng state gives the same plan. */
export function planHistory(rng: Rng, o: PlanOptions): HistoryPlan {
  const profiles = Array.from({ length: o.campaigns }, (): CampaignProfile => {
    const base = o.scale * 200 * Math.exp(rng.next() * Math.log(10)); // log-uniform 200..2000
    const trendPerDay = -0.012 + rng.next() * 0.027;
    const weekly = rng.pick(weeklyShapes);
    const late = rng.next() < o.lateStarters;
    const startOffset = late ? rng.int(1, Math.max(1, Math.floor(o.days / 2))) : 0;
    const country = rng.next() < 0.3 ? rng.pick(attributeMix.country.map(([c]) => c)) : null;
    const eligible = country === null ? POPULATION : usersOfCountry(country).length;
    // Roughly four weeks of impressions spread over the audience: people see an ad a few times.
    const audienceSize = Math.min(eligible, Math.max(1000, Math.round(base * 28 / 4)));
    return { base, trendPerDay, weekly, startOffset, country, audienceSize, audienceOffset: rng.int(0, eligible - 1) };
  });
  return { firstDay: o.firstDay, days: o.days, noise: o.noise, profiles };
}

/** Day of the week (0 = Sunday) of a 'YYYY-MM-DD' date. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * The true expected impressions of a campaign on day `dayIndex` (0 = firstDay): what a
 * perfect forecast predicts. Zero before the campaign starts. Defined for any day,
 * including days after the history (the future a forecast covers).
 */
export function expectedImpressions(plan: Pick<HistoryPlan, 'firstDay'>, p: CampaignProfile, dayIndex: number): number {
  if (dayIndex < p.startOffset) return 0;
  const weekdayRate = p.base * Math.exp(p.trendPerDay * dayIndex) * weekdayFactor(p.weekly, dayOfWeek(addDays(plan.firstDay, dayIndex)));
  return weekdayRate * shockMean;
}
