import { describe, expect, it } from 'vitest';
import { weekday } from '../../../core/calendar.ts';
import { featureVector, originState } from '../../../forecast/features.ts';
import { holdoutFor } from '../../../forecast/evaluate.ts';
import { loadPredictor, trainModel } from '../../../forecast/model.ts';
import { syntheticHistory } from './synthetic-history.ts';

describe('training', () => {
  const h = syntheticHistory({ seed: 5, campaigns: 12, days: 70, today: '2026-03-01' });
  const trainEnd = holdoutFor(h.lastDay).origin;

  it('is deterministic: the same data and seed give the same model, byte for byte', () => {
    const options = { seed: 42, ridge: 1, maxSamples: 2_000 }; // below the row count: the seed picks the sample
    const a = JSON.stringify(trainModel(h.series, trainEnd, options));
    const b = JSON.stringify(trainModel(h.series, trainEnd, options));
    expect(a).toBe(b);
    expect(JSON.stringify(trainModel(h.series, trainEnd, { ...options, seed: 43 }))).not.toBe(a);
  });

  it('round-trips through JSON and predicts within its own 80% interval', () => {
    const model = JSON.parse(JSON.stringify(trainModel(h.series, trainEnd))) as ReturnType<typeof trainModel>;
    const p = loadPredictor(model);
    const s = h.series[0]!;
    const state = originState(s.values.impressions, s.values.impressions.length - 1, weekday(s.firstDay))!;
    for (let horizon = 1; horizon <= 14; horizon++) {
      const f = p.predict('impressions', state, horizon);
      expect(f.lower).toBeLessThanOrEqual(f.value);
      expect(f.upper).toBeGreaterThanOrEqual(f.value);
      expect(f.value).toBeGreaterThan(0);
    }
  });

  it('uses only days up to the origin: later days never change the features', () => {
    const s = h.series[3]!;
    const values = s.values.impressions;
    const t = 50;
    const before = featureVector(originState(values, t, weekday(s.firstDay))!, 3);
    const altered = values.slice();
    for (let i = t + 1; i < altered.length; i++) altered[i] = altered[i]! * 10;
    expect(featureVector(originState(altered, t, weekday(s.firstDay))!, 3)).toEqual(before);
  });

  it('rejects another model format', () => {
    const model = { ...trainModel(h.series, trainEnd), format: 'something-else' } as unknown as ReturnType<typeof trainModel>;
    expect(() => loadPredictor(model)).toThrow(/unknown model format/);
  });
});
