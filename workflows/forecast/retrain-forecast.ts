import { log, proxyActivities, upsertMemo, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { PublishResult } from '../../activities/forecast/forecast-publish.ts';
import type { Scored, TrainCandidateResult } from '../../activities/forecast/forecast-training.ts';
import { decidePromotion } from '../../forecast/promotion.ts';
import { dataMovingActivity, quickActivity } from '../activity-options.ts';
import type { RetrainForecastInput } from '../../core/inputs/retrain-forecast-input.ts';
import { resolveRetrainInput } from '../../core/inputs/resolve-retrain-input.ts';
import { runInstant } from '../scheduled-start.ts';
import { dateRangeKey, workflowKindKey } from '../../core/search-attributes.ts';

export type { RetrainForecastInput } from '../../core/inputs/retrain-forecast-input.ts';

const quick = proxyActivities<Activities>(quickActivity);
const moving = proxyActivities<Activities>(dataMovingActivity);

export interface RetrainForecastResult {
  readonly asOf: string;
  /** Version of the model trained by this run. */
  readonly trainedVersion: number;
  readonly promoted: boolean;
  readonly reason: string;
  /** The current model after this run (null: still none). */
  readonly currentVersion: number | null;
  readonly holdout: TrainCandidateResult['holdout'];
  readonly series: TrainCandidateResult['series'];
  /** Every forecaster on the same hold-out: WAPE and MAPE per horizon, per metric. */
  readonly scores: { readonly candidate: Scored; readonly seasonalNaive: Scored; readonly trailingMean: Scored; readonly current: (Scored & { version: number }) | null };
  readonly forecasts: PublishResult;
  readonly durationMs: number;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

/**
 * Train a delivery-forecast model on ClickHouse history, score it on the last 7 days
 * against seasonal naive, the 28-day mean and the current model, promote it only if it
 * beats the current one, then publish 14-day forecasts with the current model.
 */
export async function retrainForecast(input: RetrainForecastInput = {}): Promise<RetrainForecastResult> {
  const started = Date.now();
  const o = resolveRetrainInput(input, runInstant().instant);
  const { workflowId, runId } = workflowInfo();
  upsertSearchAttributes([{ key: workflowKindKey, value: 'retrainForecast' }]);
  const trained = await moving.trainForecastCandidate({ runId: `${workflowId}/${runId}`, asOf: o.asOf, historyDays: o.historyDays, seed: o.seed, ridge: o.ridge, maxSamples: o.maxSamples });
  upsertSearchAttributes([{ key: dateRangeKey, value: `${trained.holdout.from}..${trained.holdout.to}` }]);
  const decision = decidePromotion({
    candidateVersion: trained.version,
    candidateScore: trained.candidate.score ?? Number.NaN,
    current: trained.current === null ? null : { version: trained.current.version, score: trained.current.score },
  });
  await quick.recordForecastDecision({ version: trained.version, promoted: decision.promote, previousVersion: trained.current?.version ?? 0, reason: decision.reason });
  upsertMemo({
    summary: `${decision.promote ? 'promoted' : 'kept out'} v${trained.version}: hold-out WAPE ${pct(trained.candidate.score)} ` +
      `(seasonal naive ${pct(trained.baselines.seasonalNaive.score)}, 28-day mean ${pct(trained.baselines.trailingMean.score)}` +
      `${trained.current === null ? '' : `, current v${trained.current.version} ${pct(trained.current.score)}`})`,
    reason: decision.reason,
  });
  const forecasts = await moving.publishForecasts({ asOf: o.asOf, days: o.forecastDays, historyDays: o.historyDays });
  const result: RetrainForecastResult = {
    asOf: o.asOf,
    trainedVersion: trained.version,
    promoted: decision.promote,
    reason: decision.reason,
    currentVersion: decision.promote ? trained.version : (trained.current?.version ?? null),
    holdout: trained.holdout,
    series: trained.series,
    scores: { candidate: trained.candidate, ...trained.baselines, current: trained.current },
    forecasts,
    durationMs: Date.now() - started,
  };
  log.info('retrainForecast finished', { asOf: o.asOf, trainedVersion: trained.version, promoted: decision.promote, reason: decision.reason });
  return result;
}
