import seedrandom from 'seedrandom';
import { weekday } from '../core/calendar.ts';
import { dampShocks } from './damping.ts';
import { featureVector, originState, targetOf } from './features.ts';
import { MAX_HORIZON } from './horizons.ts';
import { indexOf, type DailySeries, type Metric } from './series.ts';

/** Training rows for one metric: inputs, targets and each row's horizon. */
export interface Dataset {
  readonly x: number[][];
  readonly y: number[];
  readonly horizons: number[];
}

/**
 * Every (series, origin, horizon) whose target day is on or before `trainEnd`, as
 * features and target. Above `maxSamples` rows, a seeded uniform sample of them: the
 * same seed always keeps the same rows.
 */
export function buildDataset(series: readonly DailySeries[], metric: Metric, trainEnd: string, maxSamples: number, seed: number): Dataset {
  const x: number[][] = [];
  const y: number[] = [];
  const horizons: number[] = [];
  let candidates = 0;
  for (const s of series) {
    const end = Math.min(indexOf(s, trainEnd), s.values[metric].length - 1);
    candidates += Math.max(0, end - 27) * MAX_HORIZON;
  }
  const keep = Math.min(1, maxSamples / Math.max(1, candidates));
  const rng = seedrandom.alea(`adpipe-forecast:${seed}:${metric}`);
  for (const s of series) {
    const values = s.values[metric];
    const damped = dampShocks(values);
    const end = Math.min(indexOf(s, trainEnd), values.length - 1);
    const firstWeekday = weekday(s.firstDay);
    for (let t = 0; t < end; t++) {
      const state = originState(damped, t, firstWeekday);
      if (state === null) continue;
      for (let h = 1; h <= MAX_HORIZON && t + h <= end; h++) {
        if (keep < 1 && rng() >= keep) continue;
        x.push(featureVector(state, h));
        y.push(targetOf(values[t + h]!, state));
        horizons.push(h);
      }
    }
  }
  return { x, y, horizons };
}
