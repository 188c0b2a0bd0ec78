/** Error of one forecaster at one horizon: WAPE and MAPE over the points scored. */
export interface HorizonAccuracy {
  readonly horizon: number;
  /** Σ|actual − forecast| / Σ actual; null when nothing happened (Σ actual = 0). */
  readonly wape: number | null;
  /** Mean of |actual − forecast| / actual over points with actual > 0 (null without any). */
  readonly mape: number | null;
  readonly points: number;
}

/** A forecaster's accuracy per horizon and over the whole hold-out. */
export interface Accuracy {
  readonly wape: number | null;
  readonly mape: number | null;
  readonly byHorizon: HorizonAccuracy[];
}

/** Collects (horizon, actual, forecast) points and turns them into WAPE and MAPE. */
export class AccuracyCounter {
  private readonly abs = new Map<number, number>();
  private readonly actual = new Map<number, number>();
  private readonly ape = new Map<number, { sum: number; n: number }>();
  private readonly count = new Map<number, number>();

  add(horizon: number, actual: number, forecast: number): void {
    const err = Math.abs(actual - forecast);
    this.abs.set(horizon, (this.abs.get(horizon) ?? 0) + err);
    this.actual.set(horizon, (this.actual.get(horizon) ?? 0) + actual);
    this.count.set(horizon, (this.count.get(horizon) ?? 0) + 1);
    if (actual > 0) {
      const a = this.ape.get(horizon) ?? { sum: 0, n: 0 };
      this.ape.set(horizon, { sum: a.sum + err / actual, n: a.n + 1 });
    }
  }

  result(): Accuracy {
    const horizons = [...this.count.keys()].sort((a, b) => a - b);
    const ratio = (num: number, den: number) => (den > 0 ? num / den : null);
    const byHorizon = horizons.map((h) => ({
      horizon: h,
      wape: ratio(this.abs.get(h)!, this.actual.get(h)!),
      mape: ratio(this.ape.get(h)?.sum ?? 0, this.ape.get(h)?.n ?? 0),
      points: this.count.get(h)!,
    }));
    const total = (m: Map<number, number>) => [...m.values()].reduce((s, v) => s + v, 0);
    const apes = [...this.ape.values()];
    return {
      wape: ratio(total(this.abs), total(this.actual)),
      mape: ratio(apes.reduce((s, a) => s + a.sum, 0), apes.reduce((s, a) => s + a.n, 0)),
      byHorizon,
    };
  }
}
