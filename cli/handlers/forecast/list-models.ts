import type { ClickHouseClient } from '@clickhouse/client';
import { listForecastModels, type ModelSummary } from '../../../queries/forecast/forecast-models.ts';
import { withFlagNames } from '../query-usage.ts';

/** `adpipe forecast models`: the latest `limit` models, newest first (the read is queries/forecast). */
export async function listModels(clickhouse: ClickHouseClient, limit = 20): Promise<ModelSummary[]> {
  return withFlagNames(() => listForecastModels(clickhouse, { limit }));
}
