import { describe, expect, it } from 'vitest';
import { AccuracyCounter } from '../../../forecast/accuracy.ts';
import { dampShocks } from '../../../forecast/damping.ts';
import { decidePromotion } from '../../../forecast/promotion.ts';
import { parseSegment, segmentText } from '../../../forecast/segments.ts';
import { buildSeries } from '../../../forecast/series.ts';
import { UsageError } from '../../../lib/errors.ts';
import { resolveRetrainInput } from '../../../core/inputs/resolve-retrain-input.ts';

describe('accuracy', () => {
  it('WAPE weights errors by volume, MAPE averages them and skips zero days', () => {
    const c = new AccuracyCounter();
    c.add(1, 100, 90); // 10% off
    c.add(1, 10, 15); // 50% off
    c.add(2, 0, 5); // no actuals: counts for WAPE's numerator only
    const r = c.result();
    expect(r.byHorizon[0]).toEqual({ horizon: 1, wape: 15 / 110, mape: 0.3, points: 2 });
    expect(r.byHorizon[1]).toEqual({ horizon: 2, wape: null, mape: null, points: 1 });
    expect(r.wape).toBeCloseTo(20 / 110);
  });
});

describe('promotion', () => {
  it('promotes the first model and a strictly better one, never an equal or worse one', () => {
    expect(decidePromotion({ candidateVersion: 1, candidateScore: 0.2, current: null }).promote).toBe(true);
    expect(decidePromotion({ candidateVersion: 2, candidateScore: 0.19, current: { version: 1, score: 0.2 } }).promote).toBe(true);
    const equal = decidePromotion({ candidateVersion: 2, candidateScore: 0.2, current: { version: 1, score: 0.2 } });
    expect(equal).toEqual({ promote: false, reason: 'v2 does not beat v1 on the hold-out: WAPE 20.00% ≥ 20.00%; v1 stays' });
    expect(decidePromotion({ candidateVersion: 2, candidateScore: 0.3, current: { version: 1, score: 0.2 } }).promote).toBe(false);
    expect(decidePromotion({ candidateVersion: 2, candidateScore: Number.NaN, current: null }).promote).toBe(false);
    expect(decidePromotion({ candidateVersion: 2, candidateScore: 0.3, current: { version: 1, score: null } }).promote).toBe(true);
  });
});

describe('segments', () => {
  it('parse attributes and aliases into a canonical text', () => {
    expect(segmentText(parseSegment('device=Mobile, country=de'))).toBe('country=DE,device=mobile');
    expect(segmentText(parseSegment('age_band=25-34,device_type=tablet'))).toBe('device=tablet,age=25-34');
  });

  it('reject unknown attributes, empty values and repeats, naming the flag', () => {
    for (const bad of ['region=EU', 'country=', 'country=DE,country=FR', '', 'mobile']) {
      expect(() => parseSegment(bad)).toThrow(UsageError);
    }
    expect(() => parseSegment('region=EU')).toThrow('--segment: unknown attribute "region"; expected country, device, age');
  });
});

describe('series and damping', () => {
  it('dense daily series from the first day with impressions; missing days are zeros', () => {
    const [s] = buildSeries([
      { kind: 'campaign', campaignId: 3, segment: '', day: '2026-01-03', impressions: 5, reach: 4 },
      { kind: 'campaign', campaignId: 3, segment: '', day: '2026-01-05', impressions: 7, reach: 6 },
    ], '2026-01-06');
    expect(s!.firstDay).toBe('2026-01-03');
    expect([...s!.values.impressions]).toEqual([5, 0, 7, 0]);
  });

  it('clips a one-off spike but follows a lasting level change', () => {
    const v = Float64Array.from({ length: 45 }, (_, i) => (i === 21 ? 500 : i >= 28 ? 300 : 100));
    const d = dampShocks(v);
    expect(d[21]).toBe(150);
    expect(d[34]).toBe(150); // a new level is damped at first…
    expect(d[42]).toBe(300); // …and followed two weeks later, when the median has moved
  });
});

describe('retrainForecast input', () => {
  const now = new Date('2026-06-10T03:00:00Z');
  it('defaults to yesterday and the standard knobs', () => {
    expect(resolveRetrainInput({}, now)).toEqual({ asOf: '2026-06-09', historyDays: 120, forecastDays: 14, seed: 1, ridge: 1, maxSamples: 60_000 });
  });
  it('rejects bad fields non-retryably, naming them', () => {
    const cases: [object, RegExp][] = [
      [{ asOf: '2026-13-01' }, /^asOf: must be a date/],
      [{ asOf: '2026-06-10' }, /^asOf: 2026-06-10 is not a complete UTC day yet/],
      [{ forecastDays: 15 }, /^forecastDays: must be an integer from 1 to 14/],
      [{ historyDays: 30 }, /^historyDays: must be an integer from 49/],
      [{ ridge: -1 }, /^ridge: must be a non-negative number/],
    ];
    for (const [input, message] of cases) {
      expect(() => resolveRetrainInput(input, now)).toThrow(message);
      try {
        resolveRetrainInput(input, now);
      } catch (err) {
        expect(err).toMatchObject({ type: 'BadInput', nonRetryable: true });
      }
    }
  });
});
