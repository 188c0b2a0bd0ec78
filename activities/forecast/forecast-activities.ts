import type { ActivityDeps } from '../index.ts';
import { classifyClickHouseError } from '../failures.ts';
import { withHeartbeat } from '../heartbeat.ts';
import { insertDecision } from './forecast-model-store.ts';
import { publishForecasts, type PublishInput, type PublishResult } from './forecast-publish.ts';
import { trainCandidate, type TrainCandidateInput, type TrainCandidateResult } from './forecast-training.ts';

/** The retrainForecast workflow's activities: train and score, decide, publish. */
export function createForecastActivities(deps: ActivityDeps) {
  const guarded = async <T>(what: string, details: () => unknown, work: () => Promise<T>): Promise<T> => {
    try {
      return await withHeartbeat(details, work);
    } catch (err) {
      return classifyClickHouseError(err, what);
    }
  };
  return {
    /** Train a candidate on ClickHouse history and score it, the baselines and the current model on the hold-out. */
    async trainForecastCandidate(input: TrainCandidateInput): Promise<TrainCandidateResult> {
      const started = Date.now();
      return guarded('training the forecast model', () => ({ step: 'train', asOf: input.asOf, elapsedMs: Date.now() - started }),
        () => trainCandidate(deps.clickhouse, input));
    },

    /** Record the promotion decision for a trained model (promoted or kept out). */
    async recordForecastDecision(input: { version: number; promoted: boolean; previousVersion: number; reason: string }): Promise<void> {
      await guarded('recording the forecast decision', () => ({ step: 'decide', version: input.version }),
        () => insertDecision(deps.clickhouse, input));
    },

    /** Forecast every active campaign and segment with the current model. */
    async publishForecasts(input: PublishInput): Promise<PublishResult> {
      const started = Date.now();
      return guarded('publishing forecasts', () => ({ step: 'publish', asOf: input.asOf, elapsedMs: Date.now() - started }),
        () => publishForecasts(deps.clickhouse, input));
    },
  };
}
