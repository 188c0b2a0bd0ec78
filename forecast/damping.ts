/** How far a day may stray from its weekday's recent median before it is clipped. */
const MAX_RATIO = 1.5;

function median3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/**
 * The series with one-off spikes and dips clipped, for computing features: each day is
 * kept within ×/÷1.5 of the median of itself and the same weekday one and two weeks
 * earlier. Causal (looks back only), so features of an origin never see later days.
 * A real level change survives: after two weeks the median follows it.
 */
export function dampShocks(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i < 14) {
      out[i] = v;
      continue;
    }
    const m = median3(v, values[i - 7]!, values[i - 14]!);
    out[i] = Math.min(Math.max(v, m / MAX_RATIO), m * MAX_RATIO);
  }
  return out;
}
