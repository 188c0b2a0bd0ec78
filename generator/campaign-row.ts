import type { NewAdvertiser, NewCampaign } from '../lib/postgres/schema.ts';
import { BID_CENTS, BUDGET_CENTS, centsToDecimal, randomCents } from './money.ts';
import { advertiserName, campaignName } from './names.ts';
import type { Rng } from './random.ts';
import { addDays, utcDay } from '../core/calendar.ts';

/** Flight length in days after the start date (the task's generator: 7–30). */
export const FLIGHT_DAYS = { min: 7, max: 30 } as const;

// Rows leave updated_at/created_at to the store: the server's NOW(), as in the task.

/** A new advertiser row. */
export function generateAdvertiser(rng: Rng): NewAdvertiser {
  return { name: advertiserName(rng) };
}

/** A new campaign row: bid 0.50–5.00, budget 50–500, flight from today (UTC) for 7–30 days. */
export function generateCampaign(rng: Rng, advertiserId: number, now: Date): NewCampaign {
  const today = utcDay(now);
  return {
    name: campaignName(rng),
    bid: centsToDecimal(randomCents(rng, BID_CENTS)),
    budget: centsToDecimal(randomCents(rng, BUDGET_CENTS)),
    start_date: today,
    end_date: addDays(today, rng.int(FLIGHT_DAYS.min, FLIGHT_DAYS.max)),
    advertiser_id: advertiserId,
  };
}
