import { createRng } from '../../../generator/random.ts';
import { dayTraffic } from '../../../generator/history/day-traffic.ts';
import { expectedImpressions, planHistory, type HistoryPlan } from '../../../generator/history/plan.ts';
import { addDays } from '../../../core/calendar.ts';
import type { DailySeries } from '../../../forecast/series.ts';

/** Campaign series drawn exactly as `adpipe history` draws them, without a database. */
export interface SyntheticHistory {
  readonly plan: HistoryPlan;
  readonly series: DailySeries[];
  readonly lastDay: string;
  /** True expected impressions of series i on day index d of the plan. */
  expected(i: number, dayIndex: number): number;
}

/** `campaigns` × `days` of history ending the day before `today`. */
export function syntheticHistory(o: { seed: number; campaigns: number; days: number; today: string; noise?: number; lateStarters?: number }): SyntheticHistory {
  const rng = createRng(o.seed);
  const firstDay = addDays(o.today, -o.days);
  const plan = planHistory(rng, { campaigns: o.campaigns, days: o.days, firstDay, noise: o.noise ?? 0.15, scale: 1, lateStarters: o.lateStarters ?? 0 });
  const series = plan.profiles.map((p, i): DailySeries => {
    const r = createRng(o.seed * 7919 + i);
    const impressions = new Float64Array(o.days);
    const reach = new Float64Array(o.days);
    for (let d = 0; d < o.days; d++) {
      const day = dayTraffic(r, plan, p, d);
      impressions[d] = day.times.length;
      reach[d] = new Set(day.users).size;
    }
    return { key: `campaign:${i + 1}`, kind: 'campaign', campaignId: i + 1, segment: '', firstDay, values: { impressions, reach } };
  });
  return { plan, series, lastDay: addDays(o.today, -1), expected: (i, d) => expectedImpressions(plan, plan.profiles[i]!, d) };
}
