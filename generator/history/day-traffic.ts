import type { Rng } from '../random.ts';
import { addDays } from '../../core/calendar.ts';
import { expectedImpressions, type CampaignProfile, type HistoryPlan } from './plan.ts';
import { POPULATION, usersOfCountry } from './population.ts';
import { demandShock, meanOneLogNormal, poisson, shockMean } from './sampling.ts';
import { hourFor } from './shapes.ts';

/** One campaign-day of impressions: sorted times (epoch µs) and, pairwise, user ids. */
export interface DayTraffic {
  readonly dayIndex: number;
  readonly times: Float64Array;
  readonly users: Int32Array;
}

const MICROS_PER_HOUR = 3_600_000_000;

/** A user of the campaign's audience; low indices are heavy users who see ads more often. */
function drawUser(rng: Rng, p: CampaignProfile): number {
  const u = rng.next();
  const index = p.audienceOffset + Math.floor(p.audienceSize * u * u);
  if (p.country === null) return (index % POPULATION) + 1;
  const eligible = usersOfCountry(p.country);
  return eligible[index % eligible.length]!;
}

/**
 * A campaign-day's impressions: count ~ Poisson(rate × log-normal noise × rare shock), times by
 * the hourly shape, users from the campaign's audience.
 */
export function dayTraffic(rng: Rng, plan: HistoryPlan, p: CampaignProfile, dayIndex: number): DayTraffic {
  const typical = expectedImpressions(plan, p, dayIndex) / shockMean;
  const count = poisson(rng, typical * meanOneLogNormal(rng, plan.noise) * demandShock(rng));
  const dayStart = Date.parse(`${addDays(plan.firstDay, dayIndex)}T00:00:00Z`) * 1000;
  const times = new Float64Array(count);
  const users = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    times[i] = dayStart + hourFor(rng.next()) * MICROS_PER_HOUR + Math.floor(rng.next() * MICROS_PER_HOUR);
    users[i] = drawUser(rng, p);
  }
  times.sort(); // users are independent of times, so pairing after the sort keeps the joint law
  return { dayIndex, times, users };
}
