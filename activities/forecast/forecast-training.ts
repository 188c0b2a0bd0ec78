import type { ClickHouseClient } from '@clickhouse/client';
import type { Accuracy } from '../../forecast/accuracy.ts';
import { addDays, daysBetween } from '../../core/calendar.ts';
import { holdoutFor, modelForecaster, scoreHoldout, seasonalNaive, trailingMean, type Forecaster } from '../../forecast/evaluate.ts';
import { TRAINING_HISTORY_DAYS } from '../../forecast/horizons.ts';
import { loadPredictor, trainModel, type TrainOptions } from '../../forecast/model.ts';
import { metrics, type DailySeries, type Metric } from '../../forecast/series.ts';
import { FailureType, nonRetryable } from '../../core/failures.ts';
import { readForecastHistory } from './forecast-history.ts';
import { findModelOfRun, insertModel, readCurrentModel } from './forecast-model-store.ts';

export interface TrainCandidateInput extends TrainOptions {
  /** Names the training run: a retry returns the model it already stored. */
  readonly runId: string;
  /** Last complete day of history used. */
  readonly asOf: string;
  /** Days of history read (ending at asOf). */
  readonly historyDays: number;
}

/** One forecaster on the hold-out: per-metric accuracy and the score promotion compares. */
export interface Scored {
  readonly score: number | null;
  readonly impressions: Accuracy;
  readonly reach: Accuracy;
}

export interface TrainCandidateResult {
  readonly version: number;
  readonly asOf: string;
  readonly trainedThrough: string;
  readonly holdout: { readonly from: string; readonly to: string };
  /** Campaign series long enough to train on and score, and segment series trained on. */
  readonly series: { readonly campaigns: number; readonly segments: number };
  readonly samples: Record<Metric, number>;
  readonly candidate: Scored;
  readonly baselines: { readonly seasonalNaive: Scored; readonly trailingMean: Scored };
  /** The current model scored on the same hold-out; null when there is none. */
  readonly current: (Scored & { readonly version: number }) | null;
}

/** Mean of the metrics' WAPEs that exist (reach is undefined without user ids). */
function scoreOf(a: Record<Metric, Accuracy>): number | null {
  const w = metrics.map((m) => a[m].wape).filter((x): x is number => x !== null && Number.isFinite(x));
  return w.length === 0 ? null : w.reduce((s, x) => s + x, 0) / w.length;
}

function scoreAll(series: readonly DailySeries[], asOf: string, forecasters: Record<string, Forecaster>): Record<string, Scored> {
  const holdout = holdoutFor(asOf);
  const byMetric = Object.fromEntries(metrics.map((m) => [m, scoreHoldout(series, m, holdout, forecasters)])) as Record<Metric, Record<string, Accuracy>>;
  return Object.fromEntries(Object.keys(forecasters).map((name) => {
    const acc = { impressions: byMetric.impressions[name]!, reach: byMetric.reach[name]! };
    return [name, { score: scoreOf(acc), ...acc }];
  }));
}

/** Campaigns with enough days, or a non-retryable failure saying how many are needed. */
function eligibleCampaigns(series: readonly DailySeries[], asOf: string): DailySeries[] {
  const campaigns = series.filter((s) => s.kind === 'campaign');
  const days = (s: DailySeries) => daysBetween(s.firstDay, asOf) + 1;
  const eligible = campaigns.filter((s) => days(s) >= TRAINING_HISTORY_DAYS);
  if (eligible.length > 0) return eligible;
  const longest = campaigns.reduce<DailySeries | undefined>((m, s) => (m === undefined || days(s) > days(m) ? s : m), undefined);
  const have = longest === undefined ? 'no campaign has impressions in that range'
    : `the longest history is campaign ${longest.campaignId} with ${days(longest)} days (since ${longest.firstDay})`;
  throw nonRetryable(FailureType.TooLittleHistory,
    `too little history to train a forecast: a campaign needs at least ${TRAINING_HISTORY_DAYS} days of impressions up to ${asOf} ` +
    `(28-day feature window + 14 forecast horizons + 7-day hold-out); ${have}. ` +
    'The current model stays. Generate history with `adpipe history --days 60`.');
}

/**
 * Read history from ClickHouse, train a model on everything before the hold-out, score
 * it, both baselines and the current model on the hold-out, and store it unpromoted.
 */
export async function trainCandidate(clickhouse: ClickHouseClient, input: TrainCandidateInput): Promise<TrainCandidateResult> {
  const stored = await findModelOfRun(clickhouse, input.runId);
  if (stored !== null) return { ...(JSON.parse(stored.metrics) as Omit<TrainCandidateResult, 'version'>), version: stored.version };
  const all = await readForecastHistory(clickhouse, { from: addDays(input.asOf, 1 - input.historyDays), to: input.asOf });
  const campaigns = eligibleCampaigns(all, input.asOf);
  const segments = all.filter((s) => s.kind === 'segment' && daysBetween(s.firstDay, input.asOf) + 1 >= TRAINING_HISTORY_DAYS);
  const holdout = holdoutFor(input.asOf);
  const options: TrainOptions = { seed: input.seed, ridge: input.ridge, maxSamples: input.maxSamples };
  let model: ReturnType<typeof trainModel>;
  try {
    model = trainModel([...campaigns, ...segments], holdout.origin, options);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw nonRetryable(FailureType.TooLittleHistory, `too little history to train a forecast up to ${input.asOf}: ${err.message}; ` +
      `give campaigns more than ${TRAINING_HISTORY_DAYS} days of impressions. The current model stays.`);
  }
  const current = await readCurrentModel(clickhouse);
  const forecasters: Record<string, Forecaster> = { candidate: modelForecaster(loadPredictor(model)), seasonalNaive, trailingMean };
  let currentUsable = false;
  if (current !== null) {
    try {
      forecasters.current = modelForecaster(loadPredictor(current.model));
      currentUsable = true;
    } catch { /* another format: it cannot be scored, and any scored model replaces it */ }
  }
  const scored = scoreAll(campaigns, input.asOf, forecasters);
  const result: Omit<TrainCandidateResult, 'version'> = {
    asOf: input.asOf,
    trainedThrough: holdout.origin,
    holdout: { from: holdout.from, to: holdout.to },
    series: { campaigns: campaigns.length, segments: segments.length },
    samples: { impressions: model.metrics.impressions.samples, reach: model.metrics.reach.samples },
    candidate: scored.candidate!,
    baselines: { seasonalNaive: scored.seasonalNaive!, trailingMean: scored.trailingMean! },
    current: current === null ? null
      : currentUsable ? { version: current.version, ...scored.current! }
      : { version: current.version, score: null, impressions: emptyAccuracy, reach: emptyAccuracy },
  };
  const version = await insertModel(clickhouse, {
    run_id: input.runId, as_of: input.asOf, trained_through: holdout.origin, holdout_from: holdout.from, holdout_to: holdout.to,
    seed: input.seed, series: campaigns.length + segments.length, score: result.candidate.score,
    metrics: JSON.stringify(result), model: JSON.stringify(model),
  });
  return { ...result, version };
}

const emptyAccuracy: Accuracy = { wape: null, mape: null, byHorizon: [] };
