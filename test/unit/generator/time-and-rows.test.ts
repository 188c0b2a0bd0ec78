import { describe, expect, it } from 'vitest';
import { FLIGHT_DAYS, generateCampaign } from '../../../generator/campaign-row.ts';
import { createRng } from '../../../generator/random.ts';
import { daysBetween } from '../../../core/calendar.ts';
import { formatTimestampMicros, createTimestampFormatter } from '../../../generator/timestamp-text.ts';

describe('formatTimestampMicros', () => {
  it('matches toISOString to the millisecond and keeps the microseconds', () => {
    const rng = createRng(11);
    for (let i = 0; i < 2_000; i++) {
      const micros = rng.int(-1e15, 4e15);
      const iso = new Date(Math.floor(micros / 1000)).toISOString();
      const text = formatTimestampMicros(micros);
      expect(text.slice(0, 23)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 23)}`);
      expect(Number(text.slice(20))).toBe(((micros % 1e6) + 1e6) % 1e6);
    }
  });

  it('handles day, year and leap-day boundaries with a reused formatter', () => {
    const format = createTimestampFormatter();
    const at = (iso: string, extraMicros = 0) => Date.parse(iso) * 1000 + extraMicros;
    expect(format(at('2024-02-28T23:59:59.999Z', 999))).toBe('2024-02-28 23:59:59.999999');
    expect(format(at('2024-02-29T00:00:00.000Z'))).toBe('2024-02-29 00:00:00.000000');
    expect(format(at('2024-12-31T23:59:59.000Z', 1))).toBe('2024-12-31 23:59:59.000001');
    expect(format(at('2025-01-01T00:00:00.000Z'))).toBe('2025-01-01 00:00:00.000000');
    expect(format(at('2024-02-28T12:34:56.789Z', 12))).toBe('2024-02-28 12:34:56.789012');
  });
});

describe('generateCampaign', () => {
  it('starts today (UTC), lasts 7–30 days, and carries exact two-decimal money', () => {
    const rng = createRng(5);
    const now = new Date('2024-06-30T23:59:00Z');
    const lengths = new Set<number>();
    for (let i = 0; i < 3_000; i++) {
      const c = generateCampaign(rng, 9, now);
      expect(c.start_date).toBe('2024-06-30');
      expect(c.advertiser_id).toBe(9);
      expect(c.bid).toMatch(/^\d\.\d\d$/);
      expect(c.budget).toMatch(/^\d{2,3}\.\d\d$/);
      expect(Number(c.bid)).toBeGreaterThanOrEqual(0.5);
      expect(Number(c.bid)).toBeLessThanOrEqual(5);
      expect(Number(c.budget)).toBeGreaterThanOrEqual(50);
      expect(Number(c.budget)).toBeLessThanOrEqual(500);
      lengths.add(daysBetween(c.start_date!, c.end_date!));
    }
    expect(Math.min(...lengths)).toBe(FLIGHT_DAYS.min);
    expect(Math.max(...lengths)).toBe(FLIGHT_DAYS.max);
  });
});
