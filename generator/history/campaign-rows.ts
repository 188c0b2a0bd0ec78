import type { NewCampaign } from '../../lib/postgres/schema.ts';
import { BID_CENTS, centsToDecimal, randomCents } from '../money.ts';
import { campaignName } from '../names.ts';
import type { Rng } from '../random.ts';
import { addDays } from '../../core/calendar.ts';
import { expectedImpressions, type HistoryPlan } from './plan.ts';

/** NUMERIC(10,2) holds at most this many cents. */
const MAX_CENTS = 9_999_999_999;

/**
 * Campaign rows for a plan: flights start when their traffic starts and run 14–60 days
 * past the history; budgets cover the expected spend of the whole flight with 10–60 %
 * headroom, so reports show realistic pacing rather than exhausted budgets.
 */
export function historyCampaignRows(rng: Rng, plan: HistoryPlan, advertiserIds: readonly number[], ctr: number): NewCampaign[] {
  const lastDay = addDays(plan.firstDay, plan.days - 1);
  return plan.profiles.map((p, i) => {
    const futureDays = rng.int(14, 60);
    let impressions = 0;
    for (let d = p.startOffset; d < plan.days + futureDays; d++) impressions += expectedImpressions(plan, p, d);
    const bidCents = randomCents(rng, BID_CENTS);
    const budgetCents = Math.min(MAX_CENTS, Math.max(5_000, Math.round(impressions * ctr * bidCents * (1.1 + rng.next() * 0.5))));
    return {
      name: campaignName(rng),
      bid: centsToDecimal(bidCents),
      budget: centsToDecimal(budgetCents),
      start_date: addDays(plan.firstDay, p.startOffset),
      end_date: addDays(lastDay, futureDays),
      advertiser_id: advertiserIds[i % advertiserIds.length]!,
    };
  });
}
