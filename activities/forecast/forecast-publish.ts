import type { ClickHouseClient } from '@clickhouse/client';
import { addDays, daysBetween, weekday } from '../../core/calendar.ts';
import { dampShocks } from '../../forecast/damping.ts';
import { originState, type OriginState } from '../../forecast/features.ts';
import { FEATURE_WINDOW } from '../../forecast/horizons.ts';
import { loadPredictor, type Predictor } from '../../forecast/model.ts';
import { indexOf, metrics, type DailySeries, type Metric } from '../../forecast/series.ts';
import { readActiveCampaigns, readForecastHistory } from './forecast-history.ts';
import { readCurrentModel } from './forecast-model-store.ts';

export interface PublishInput {
  readonly asOf: string;
  /** Days forecast after asOf (1..14). */
  readonly days: number;
  /** Days of history read; features use the last 28 (and trend up to 56). */
  readonly historyDays: number;
}

export interface PublishResult {
  /** Null when there is no current model yet: nothing was published. */
  readonly generation: string | null;
  readonly modelVersion: number | null;
  readonly campaigns: number;
  readonly segments: number;
  /** Active campaigns left out, with why (first 20). */
  readonly skipped: { readonly campaignId: number; readonly reason: string }[];
}

function statesOf(s: DailySeries, asOf: string): Record<Metric, OriginState | null> {
  const t = indexOf(s, asOf);
  return Object.fromEntries(metrics.map((m) => [m, originState(dampShocks(s.values[m]), t, weekday(s.firstDay))])) as Record<Metric, OriginState | null>;
}

function rowsFor(s: DailySeries, states: Record<Metric, OriginState | null>, p: Predictor, input: PublishInput, generation: string, modelVersion: number) {
  return Array.from({ length: input.days }, (_, i) => {
    const h = i + 1;
    const out: Record<string, unknown> = {
      generation, model_version: modelVersion, kind: s.kind, campaign_id: s.campaignId, segment: s.segment,
      day: addDays(input.asOf, h), horizon: h,
    };
    for (const m of metrics) {
      const state = states[m];
      const f = state === null ? { value: 0, lower: 0, upper: 0 } : p.predict(m, state, h);
      Object.assign(out, { [m]: f.value, [`${m}_lower`]: f.lower, [`${m}_upper`]: f.upper });
    }
    return out;
  });
}

/**
 * Forecast the next `days` days of every active campaign and every segment with the
 * current model, write them as one generation, then record the generation (readers
 * switch to it only then).
 */
export async function publishForecasts(clickhouse: ClickHouseClient, input: PublishInput): Promise<PublishResult> {
  const current = await readCurrentModel(clickhouse);
  if (current === null) return { generation: null, modelVersion: null, campaigns: 0, segments: 0, skipped: [] };
  const predictor = loadPredictor(current.model);
  const series = await readForecastHistory(clickhouse, { from: addDays(input.asOf, 1 - input.historyDays), to: input.asOf });
  const active = await readActiveCampaigns(clickhouse, input.asOf);
  const byCampaign = new Map(series.filter((s) => s.kind === 'campaign').map((s) => [s.campaignId, s]));
  const clock = await clickhouse.query({ query: 'SELECT toString(toUnixTimestamp64Micro(now64(6))) AS g', format: 'JSONEachRow' });
  const generation = (await clock.json<{ g: string }>())[0]!.g;
  const rows: Record<string, unknown>[] = [];
  const skipped: { campaignId: number; reason: string }[] = [];
  let campaigns = 0;
  for (const id of active) {
    const s = byCampaign.get(id);
    const days = s === undefined ? 0 : daysBetween(s.firstDay, input.asOf) + 1;
    const states = s === undefined ? null : statesOf(s, input.asOf);
    if (s === undefined || states === null || states.impressions === null) {
      skipped.push({ campaignId: id, reason: `${days} days of impressions up to ${input.asOf}; a forecast needs the last ${FEATURE_WINDOW} with some traffic` });
      continue;
    }
    rows.push(...rowsFor(s, states, predictor, input, generation, current.version));
    campaigns++;
  }
  let segments = 0;
  for (const s of series.filter((x) => x.kind === 'segment')) {
    const states = statesOf(s, input.asOf);
    if (states.impressions === null) continue;
    rows.push(...rowsFor(s, states, predictor, input, generation, current.version));
    segments++;
  }
  if (rows.length > 0) await clickhouse.insert({ table: 'forecasts', values: rows, format: 'JSONEachRow' });
  await clickhouse.insert({
    table: 'forecast_generations',
    values: [{ generation, model_version: current.version, as_of: input.asOf, campaigns, segments }],
    format: 'JSONEachRow',
  });
  return { generation, modelVersion: current.version, campaigns, segments, skipped: skipped.slice(0, 20) };
}
