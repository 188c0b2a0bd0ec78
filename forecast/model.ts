import MultivariateLinearRegression from 'ml-regression-multivariate-linear';
import { buildDataset, type Dataset } from './dataset.ts';
import { FEATURE_COUNT, featureVector, fromTarget, type OriginState } from './features.ts';
import { MAX_HORIZON } from './horizons.ts';
import { metrics, type DailySeries, type Metric } from './series.ts';

/** Hyperparameters; part of a stored model so a run can be repeated. */
export interface TrainOptions {
  /** Seeds the row sample when there are more than maxSamples rows. */
  readonly seed: number;
  /** L2 penalty on the coefficients; huge values shrink every forecast to the 28-day mean. */
  readonly ridge: number;
  readonly maxSamples: number;
}

export const defaultTrainOptions: TrainOptions = Object.freeze({ seed: 1, ridge: 1, maxSamples: 60_000 });

/** One metric's fitted regression and its 80 % interval, as log-ratio quantiles per horizon. */
export interface MetricModel {
  /** ml-regression-multivariate-linear's own JSON (weights, no intercept). */
  readonly regression: object;
  readonly samples: number;
  /** Index h − 1: the 10th and 90th percentile of training residuals at horizon h. */
  readonly lower: number[];
  readonly upper: number[];
}

/** A trained forecast model: JSON all the way down, stored as is in ClickHouse. */
export interface ForecastModel {
  readonly format: 'adpipe-forecast/seasonal-loglinear@1';
  readonly options: TrainOptions;
  /** Last day any training target came from. */
  readonly trainedThrough: string;
  readonly metrics: Record<Metric, MetricModel>;
}

/** Ridge as ordinary least squares on rows augmented with √λ·I (no data, only the penalty). */
function fitRidge(data: Dataset, ridge: number): MultivariateLinearRegression {
  const x = data.x.slice();
  const y = data.y.map((v) => [v]);
  const root = Math.sqrt(ridge);
  for (let j = 0; j < FEATURE_COUNT; j++) {
    const row = new Array<number>(FEATURE_COUNT).fill(0);
    row[j] = root;
    x.push(row);
    y.push([0]);
  }
  return new MultivariateLinearRegression(x, y, { intercept: false, statistics: false });
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function fitMetric(series: readonly DailySeries[], metric: Metric, trainEnd: string, o: TrainOptions): MetricModel {
  const data = buildDataset(series, metric, trainEnd, o.maxSamples, o.seed);
  if (data.y.length < FEATURE_COUNT * 10) throw new RangeError(`only ${data.y.length} training rows for ${metric}`);
  const regression = fitRidge(data, o.ridge);
  const residuals: number[][] = Array.from({ length: MAX_HORIZON }, () => []);
  const fitted = regression.predict(data.x);
  data.y.forEach((v, i) => residuals[data.horizons[i]! - 1]!.push(v - fitted[i]![0]!));
  for (const r of residuals) r.sort((a, b) => a - b);
  return {
    regression: regression.toJSON(),
    samples: data.y.length,
    lower: residuals.map((r) => quantile(r, 0.1)),
    upper: residuals.map((r) => quantile(r, 0.9)),
  };
}

/** Fit one regression per metric on every target up to `trainEnd`. Deterministic. */
export function trainModel(series: readonly DailySeries[], trainEnd: string, options: TrainOptions = defaultTrainOptions): ForecastModel {
  const fitted = Object.fromEntries(metrics.map((m) => [m, fitMetric(series, m, trainEnd, options)])) as Record<Metric, MetricModel>;
  return { format: 'adpipe-forecast/seasonal-loglinear@1', options, trainedThrough: trainEnd, metrics: fitted };
}

/** A point forecast and its 80 % interval. */
export interface Prediction {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/** A model ready to predict (its regressions loaded once). */
export interface Predictor {
  predict(metric: Metric, state: OriginState, horizon: number): Prediction;
}

/** Load a stored model; throws TypeError for another format. */
export function loadPredictor(model: ForecastModel): Predictor {
  if (model.format !== 'adpipe-forecast/seasonal-loglinear@1') throw new TypeError(`unknown model format ${String(model.format)}`);
  const regressions = Object.fromEntries(
    metrics.map((m) => [m, MultivariateLinearRegression.load(model.metrics[m].regression as MultivariateLinearRegression.MLRModel)]),
  ) as Record<Metric, MultivariateLinearRegression>;
  return {
    predict(metric, state, horizon) {
      const target = regressions[metric].predict(featureVector(state, horizon))[0]!;
      const band = model.metrics[metric];
      const h = Math.min(horizon, MAX_HORIZON) - 1;
      return {
        value: fromTarget(target, state),
        lower: fromTarget(target + band.lower[h]!, state),
        upper: fromTarget(target + band.upper[h]!, state),
      };
    },
  };
}
