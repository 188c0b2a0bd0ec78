import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../core/calendar.ts';
import { holdoutFor, modelForecaster, scoreHoldout, seasonalNaive, trailingMean, type Forecaster } from '../../../forecast/evaluate.ts';
import { loadPredictor, trainModel } from '../../../forecast/model.ts';
import { syntheticHistory } from './synthetic-history.ts';

// The acceptance bar of issue 6, on histories drawn exactly as `adpipe history` draws
// them (weekly shapes, trends, noise, demand shocks), where the true expected daily
// impressions are known: the WAPE of those true rates is the noise floor no forecast
// can beat on average.
describe.each([1, 2, 3])('model on generated history (seed %i, 30 campaigns × 90 days)', (seed) => {
  const h = syntheticHistory({ seed, campaigns: 30, days: 90, today: '2026-03-01' });
  const holdout = holdoutFor(h.lastDay);
  const model = trainModel(h.series, holdout.origin, { seed: 1, ridge: 1, maxSamples: 60_000 });
  const truth: Forecaster = (_m, _v, origin, horizon, s) => h.expected(s.campaignId - 1, daysBetween(h.plan.firstDay, s.firstDay) + origin + horizon);
  const scores = scoreHoldout(h.series, 'impressions', holdout, {
    model: modelForecaster(loadPredictor(model)), seasonalNaive, trailingMean, truth,
  });
  const wape = (name: string) => scores[name]!.wape!;

  it('beats seasonal naive by at least 20% WAPE on the 7-day hold-out', () => {
    expect(wape('model')).toBeLessThanOrEqual(0.8 * wape('seasonalNaive'));
    expect(wape('model')).toBeLessThan(wape('trailingMean'));
  });

  it('comes within 1.5× of the noise floor (WAPE of the true expected rates)', () => {
    expect(wape('truth')).toBeGreaterThan(0.05); // the noise is real: the floor is not zero
    expect(wape('model')).toBeLessThanOrEqual(1.5 * wape('truth'));
  });

  it('reports WAPE and MAPE for each horizon 1..7', () => {
    const byHorizon = scores.model!.byHorizon;
    expect(byHorizon.map((b) => b.horizon)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const b of byHorizon) {
      expect(b.points).toBe(30);
      expect(b.wape).toBeGreaterThan(0);
      expect(b.mape).toBeGreaterThan(0);
    }
  });
});
