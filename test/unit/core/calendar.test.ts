import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysOf, isDay, parseDay, utcDay, weekday } from '../../../core/calendar.ts';

describe('UTC dates', () => {
  it('takes the UTC calendar day, whatever the local zone', () => {
    expect(utcDay(new Date('2024-03-31T23:30:00-02:00'))).toBe('2024-04-01');
    expect(utcDay(Date.UTC(2026, 10, 23, 23, 59, 59))).toBe('2026-11-23');
  });

  it('adds and counts days across months, years and DST changes', () => {
    expect(addDays('2024-02-20', 10)).toBe('2024-03-01');
    expect(addDays('2024-12-25', 7)).toBe('2025-01-01');
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-03-01', '2024-03-31')).toBe(30);
    expect(daysBetween('2024-03-31', '2024-03-01')).toBe(-30);
  });

  it('reads only real days written YYYY-MM-DD', () => {
    expect(daysOf('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(parseDay('1970-01-02')).toBe(1);
    expect(parseDay('0050-01-01')).toBeUndefined(); // Date.UTC would read year 50 as 1950
    expect([isDay('2024-02-29'), isDay('2025-02-29'), isDay('2026-2-01'), isDay(20260201)]).toEqual([true, false, false, false]);
    expect(weekday('2026-06-07')).toBe(0); // a Sunday
  });
});
