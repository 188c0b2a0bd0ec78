import type { ClickHouseClient } from '@clickhouse/client';
import type { TrainCandidateResult } from '../../activities/forecast/forecast-training.ts';
import { sqlFile } from '../../lib/sql-files.ts';
import { QueryInputError } from '../query-errors.ts';

/** One trained model, as `adpipe forecast models` and `GET /v1/forecast/models` list it. */
export interface ModelSummary {
  readonly version: number;
  readonly trainedAt: string;
  readonly asOf: string;
  readonly holdout: string;
  readonly seed: number;
  readonly series: number;
  readonly current: boolean;
  /** 'promoted', 'kept out' or 'undecided' (its run stopped before deciding). */
  readonly decision: string;
  readonly reason: string;
  /** Hold-out WAPE: this model, and the baselines measured in the same run. */
  readonly wape: number | null;
  readonly seasonalNaiveWape: number | null;
  readonly trailingMeanWape: number | null;
  /** Full per-metric, per-horizon WAPE and MAPE (the --json output). */
  readonly metrics: Omit<TrainCandidateResult, 'version'>;
}

type Row = {
  version: number; trained_at: string; as_of: string; holdout_from: string; holdout_to: string; seed: string;
  series: number; score: number | null; metrics: string; promoted: number; reason: string; undecided: number; current: number;
};

/** The latest `limit` (default 20) models, newest first, with their decision and metrics. */
export async function listForecastModels(clickhouse: ClickHouseClient, options: { limit?: number } = {}): Promise<ModelSummary[]> {
  const limit = options.limit ?? 20;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 4_294_967_295)) {
    throw new QueryInputError('limit', (n) => `${n('limit')} must be a positive integer, got ${JSON.stringify(limit)}`);
  }
  const rows = await clickhouse
    .query({ query: sqlFile('forecast/models.sql'), query_params: { limit }, format: 'JSONEachRow' })
    .then((r) => r.json<Row>());
  return rows.map((r) => {
    const metrics = JSON.parse(r.metrics) as Omit<TrainCandidateResult, 'version'>;
    return {
      version: Number(r.version),
      trainedAt: r.trained_at,
      asOf: r.as_of,
      holdout: `${r.holdout_from}..${r.holdout_to}`,
      seed: Number(r.seed),
      series: Number(r.series),
      current: Number(r.current) === 1,
      decision: Number(r.undecided) === 1 ? 'undecided' : Number(r.promoted) === 1 ? 'promoted' : 'kept out',
      reason: r.reason,
      wape: r.score === null ? null : Number(r.score),
      seasonalNaiveWape: metrics.baselines.seasonalNaive.score,
      trailingMeanWape: metrics.baselines.trailingMean.score,
      metrics,
    };
  });
}
