import { describe, expect, it } from 'vitest';
import { BID_CENTS, BUDGET_CENTS, centsToDecimal, randomCents } from '../../../generator/money.ts';
import { advertiserName, campaignName } from '../../../generator/names.ts';
import { createRng } from '../../../generator/random.ts';

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws integers over the whole closed range and nothing outside it', () => {
    const rng = createRng(1);
    const seen = new Set(Array.from({ length: 2_000 }, () => rng.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('money', () => {
  it('formats whole cents as exact NUMERIC text', () => {
    expect(centsToDecimal(50)).toBe('0.50');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(50_000)).toBe('500.00');
    expect(centsToDecimal(123_456)).toBe('1234.56');
    expect(centsToDecimal(-7)).toBe('-0.07');
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
  });

  it('keeps bids in 0.50–5.00 and budgets in 50–500, reaching both ends', () => {
    const rng = createRng(7);
    const bids = Array.from({ length: 20_000 }, () => randomCents(rng, BID_CENTS));
    expect(Math.min(...bids)).toBe(50);
    expect(Math.max(...bids)).toBe(500);
    const budgets = Array.from({ length: 1_000 }, () => randomCents(rng, BUDGET_CENTS));
    expect(budgets.every((b) => Number.isInteger(b) && b >= 5_000 && b <= 50_000)).toBe(true);
  });
});

describe('names', () => {
  it('are non-empty, varied and reproducible', () => {
    const names = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => [advertiserName(rng), campaignName(rng)]);
    };
    const a = names(3);
    expect(a).toEqual(names(3));
    expect(new Set(a.map(([adv]) => adv)).size).toBeGreaterThan(40);
    expect(a.every(([adv, camp]) => adv!.length > 3 && adv!.length <= 255 && camp!.includes(' – '))).toBe(true);
  });
});
