import { describe, expect, it } from 'vitest';
import { factCopyText } from '../../../generator/copy-text.ts';
import { createRng } from '../../../generator/random.ts';
import { CLICK_DELAY_MICROS, IMPRESSION_WINDOW_MICROS, campaignTraffic, clickCount } from '../../../generator/traffic.ts';
import { formatTimestampMicros } from '../../../generator/timestamp-text.ts';

const NOW = Date.parse('2024-11-23T12:00:00Z') * 1000;

describe('clickCount', () => {
  it('floors impressions × ratio like the task, without binary-float surprises', () => {
    expect(clickCount(100, 0.29)).toBe(29); // 100 * 0.29 = 28.999999999999996
    expect(clickCount(100, 0.1)).toBe(10);
    expect(clickCount(7, 0.5)).toBe(3);
    expect(clickCount(10, 1)).toBe(10);
    expect(clickCount(10, 0)).toBe(0);
  });
});

describe('campaignTraffic', () => {
  it('spreads impressions over the past 7 days, sorted, reproducibly', () => {
    const { impressions } = campaignTraffic(createRng(1), 10_000, 0, NOW);
    expect(impressions).toHaveLength(10_000);
    expect(impressions.every((t, i) => Number.isInteger(t) && t <= NOW && t > NOW - IMPRESSION_WINDOW_MICROS && (i === 0 || t >= impressions[i - 1]!))).toBe(true);
    // roughly uniform: each day holds about a seventh
    const perDay = new Array<number>(7).fill(0);
    for (const t of impressions) perDay[Math.floor((NOW - t) / 86_400e6)]!++;
    expect(Math.min(...perDay)).toBeGreaterThan(1_250);
    expect(campaignTraffic(createRng(1), 10_000, 0, NOW).impressions).toEqual(impressions);
  });

  it('gives each of ⌊n × ctr⌋ distinct impressions one click 1–120 s later', () => {
    const { impressions, clicks } = campaignTraffic(createRng(2), 5_000, 0.2, NOW);
    expect(clicks).toHaveLength(1_000);
    // greedy one-to-one matching: every click finds an unused impression in its window
    const used = new Set<number>();
    for (const c of clicks) {
      const match = impressions.findIndex(
        (t, i) => !used.has(i) && c - t >= CLICK_DELAY_MICROS.min && c - t <= CLICK_DELAY_MICROS.max,
      );
      expect(match).toBeGreaterThanOrEqual(0);
      used.add(match);
    }
  });
});

describe('factCopyText', () => {
  it('writes campaign_id TAB timestamp rows and reports every row once', () => {
    const times = Float64Array.from([NOW, NOW + 1]);
    let reported = 0;
    const text = [...factCopyText([{ campaignId: 3, times }, { campaignId: 4, times: Float64Array.from([NOW]) }], (n) => (reported += n))].join('');
    expect(text).toBe(
      `3\t${formatTimestampMicros(NOW)}\n3\t2024-11-23 12:00:00.000001\n4\t${formatTimestampMicros(NOW)}\n`,
    );
    expect(reported).toBe(3);
  });

  it('splits large inputs into chunks of whole rows', () => {
    const times = campaignTraffic(createRng(3), 50_000, 0, NOW).impressions;
    const chunks = [...factCopyText([{ campaignId: 1, times }])];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(chunks.join('').split('\n')).toHaveLength(50_001);
  });
});
