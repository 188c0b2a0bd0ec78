import { describe, expect, it } from 'vitest';
import { createRng } from '../../../generator/random.ts';
import { dayTraffic } from '../../../generator/history/day-traffic.ts';
import { dayOfWeek, expectedImpressions, planHistory } from '../../../generator/history/plan.ts';
import { attributeMix, userAttribute } from '../../../generator/history/population.ts';
import { hourlyCdf, weekdayFactor } from '../../../generator/history/shapes.ts';
import { addDays } from '../../../core/calendar.ts';

describe('history generator', () => {
  const plan = planHistory(createRng(9), { campaigns: 6, days: 56, firstDay: '2026-01-05', noise: 0.15, scale: 1, lateStarters: 0 });

  it('weekly shapes average 1 and the hourly shape sums to 1', () => {
    for (const shape of ['weekday', 'weekend'] as const) {
      const mean = [0, 1, 2, 3, 4, 5, 6].reduce((s, d) => s + weekdayFactor(shape, d), 0) / 7;
      expect(mean).toBeCloseTo(1, 10);
    }
    expect(hourlyCdf[23]).toBeCloseTo(1, 10);
  });

  it('draws counts whose long-run mean is the published expected rate', () => {
    let drawn = 0;
    let expected = 0;
    plan.profiles.forEach((p, i) => {
      const rng = createRng(100 + i);
      for (let d = 0; d < plan.days; d++) {
        drawn += dayTraffic(rng, plan, p, d).times.length;
        expected += expectedImpressions(plan, p, d);
      }
    });
    expect(drawn / expected).toBeGreaterThan(0.97);
    expect(drawn / expected).toBeLessThan(1.03);
  });

  it('puts impressions on their UTC day with the evening busier than the night, users with stable attributes', () => {
    const day = dayTraffic(createRng(1), plan, plan.profiles[0]!, 10);
    const start = Date.parse(`${addDays(plan.firstDay, 10)}T00:00:00Z`) * 1000;
    const hours = [...day.times].map((t) => Math.floor((t - start) / 3_600_000_000));
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...hours)).toBeLessThan(24);
    expect(hours.filter((h) => h >= 19 && h < 22).length).toBeGreaterThan(2 * hours.filter((h) => h >= 2 && h < 5).length);
    expect(new Set(day.users).size).toBeLessThan(day.users.length); // frequency > 1: reach < impressions
    const user = day.users[0]!;
    expect(userAttribute(user, 'country')).toBe(userAttribute(user, 'country'));
    expect(attributeMix.country.map(([c]) => c)).toContain(userAttribute(user, 'country'));
  });

  it('follows the weekly shape: a weekday-type campaign is quieter on Sundays', () => {
    const p = plan.profiles.find((x) => x.weekly === 'weekday')!;
    const sunday = [...Array(plan.days).keys()].find((d) => dayOfWeek(addDays(plan.firstDay, d)) === 0)!;
    expect(expectedImpressions(plan, p, sunday)).toBeLessThan(expectedImpressions(plan, p, sunday + 1));
  });
});
