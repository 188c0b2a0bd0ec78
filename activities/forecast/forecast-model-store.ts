import type { ClickHouseClient } from '@clickhouse/client';
import type { ForecastModel } from '../../forecast/model.ts';
import { sqlFile } from '../../lib/sql-files.ts';

/** The current (latest promoted) model, or null before the first promotion. */
export async function readCurrentModel(clickhouse: ClickHouseClient): Promise<{ version: number; model: ForecastModel } | null> {
  const rows = await clickhouse
    .query({ query: sqlFile('forecast/current-model.sql'), format: 'JSONEachRow' })
    .then((r) => r.json<{ version: number; model: string }>());
  const row = rows[0];
  return row === undefined ? null : { version: Number(row.version), model: JSON.parse(row.model) as ForecastModel };
}

/** A stored model row, as the training activity writes it. */
export interface ModelRow {
  readonly version: number;
  readonly run_id: string;
  readonly as_of: string;
  readonly trained_through: string;
  readonly holdout_from: string;
  readonly holdout_to: string;
  readonly seed: number;
  readonly series: number;
  readonly score: number | null;
  readonly metrics: string;
  readonly model: string;
}

/** The model a run already trained (a retried activity), if any. */
export async function findModelOfRun(clickhouse: ClickHouseClient, runId: string): Promise<ModelRow | null> {
  const rows = await clickhouse
    .query({
      query: 'SELECT version, run_id, toString(as_of) AS as_of, toString(trained_through) AS trained_through, ' +
        'toString(holdout_from) AS holdout_from, toString(holdout_to) AS holdout_to, seed, series, score, metrics, model ' +
        'FROM forecast_models FINAL WHERE run_id = {run_id:String} LIMIT 1',
      query_params: { run_id: runId },
      format: 'JSONEachRow',
    })
    .then((r) => r.json<ModelRow>());
  return rows[0] === undefined ? null : { ...rows[0], version: Number(rows[0].version), seed: Number(rows[0].seed) };
}

/** Store a model under the next version number; returns that version. */
export async function insertModel(clickhouse: ClickHouseClient, row: Omit<ModelRow, 'version'>): Promise<number> {
  const rows = await clickhouse
    .query({ query: 'SELECT toUInt32(max(version) + 1) AS v FROM forecast_models', format: 'JSONEachRow' })
    .then((r) => r.json<{ v: number }>());
  const version = Number(rows[0]?.v ?? 1);
  await clickhouse.insert({ table: 'forecast_models', values: [{ ...row, version }], format: 'JSONEachRow' });
  // Two runs training at once (a manual retrain during the scheduled one) can pick the same
  // number, and the later row replaces the earlier: the loser throws, and its retry finds
  // no model of its run and takes the next number.
  const holder = await clickhouse
    .query({ query: 'SELECT run_id FROM forecast_models FINAL WHERE version = {v:UInt32}', query_params: { v: version }, format: 'JSONEachRow' })
    .then((r) => r.json<{ run_id: string }>());
  if (holder[0]?.run_id !== row.run_id) throw new Error(`model version ${version} was taken by run ${holder[0]?.run_id}; retrying`);
  return version;
}

/** Record whether a model was promoted (idempotent: one row per version). */
export async function insertDecision(
  clickhouse: ClickHouseClient,
  d: { version: number; promoted: boolean; previousVersion: number; reason: string },
): Promise<void> {
  await clickhouse.insert({
    table: 'forecast_decisions',
    values: [{ version: d.version, promoted: d.promoted ? 1 : 0, previous_version: d.previousVersion, reason: d.reason }],
    format: 'JSONEachRow',
  });
}
