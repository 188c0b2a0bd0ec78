import type { ClickHouseClient } from '@clickhouse/client';
import { checkForecastDays, readPublishedForecast, type ForecastQuery, type ForecastView } from '../../../queries/forecast/published-forecast.ts';
import { flagged, withFlagNames } from '../query-usage.ts';

/** Check --days: 1..14 (the model forecasts 14 days); a UsageError naming --days otherwise. */
export function checkDays(days: number): number {
  return flagged(() => checkForecastDays(days));
}

/** `adpipe forecast --campaign|--segment`: the published forecast, its input errors naming the flags (exit 2). */
export async function readForecast(clickhouse: ClickHouseClient, q: ForecastQuery): Promise<ForecastView> {
  return withFlagNames(() => readPublishedForecast(clickhouse, q));
}
