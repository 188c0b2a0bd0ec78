import type { ClickHouseClient } from '@clickhouse/client';
import { MAX_HORIZON } from '../../forecast/horizons.ts';
import { segmentAttributes, segmentText, type Segment } from '../../forecast/segments.ts';
import { sqlFile } from '../../lib/sql-files.ts';
import { campaignExists, checkCampaignId } from '../campaign-reference.ts';
import { NotFoundError, NotReadyError, QueryInputError } from '../query-errors.ts';

/** One forecast day with its 80 % intervals. */
export interface ForecastDay {
  readonly day: string;
  readonly horizon: number;
  readonly impressions: number;
  readonly impressionsLower: number;
  readonly impressionsUpper: number;
  readonly reach: number;
  readonly reachLower: number;
  readonly reachUpper: number;
}

/** The latest published forecast of a campaign or a segment. */
export interface ForecastView {
  readonly target: string;
  readonly modelVersion: number;
  readonly asOf: string;
  readonly days: ForecastDay[];
}

/** Which forecast to read: a campaign or a segment, and how many days ahead. */
export type ForecastQuery = ({ readonly campaignId: number } | { readonly segment: Segment }) & { readonly days: number };

/** Check the days asked for: 1..14 (the model forecasts 14 days). */
export function checkForecastDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_HORIZON) {
    throw new QueryInputError('days', (n) => `${n('days')} must be an integer from 1 to ${MAX_HORIZON}, got ${JSON.stringify(days)}`);
  }
  return days;
}

async function rows<T>(clickhouse: ClickHouseClient, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return clickhouse.query({ query, query_params: params, format: 'JSONEachRow' }).then((r) => r.json<T>());
}

/**
 * The latest published forecast of a campaign or a segment. Unknown campaigns and
 * segments without a forecast are NotFoundErrors that say what exists; before the
 * first retrain there is nothing to read (NotReadyError).
 */
export async function readPublishedForecast(clickhouse: ClickHouseClient, q: ForecastQuery): Promise<ForecastView> {
  const days = checkForecastDays(q.days);
  const isCampaign = 'campaignId' in q;
  if (isCampaign) checkCampaignId(q.campaignId);
  const generation = (await rows<{ as_of: string; n: string }>(clickhouse,
    'SELECT toString(argMax(as_of, generation)) AS as_of, toString(count()) AS n FROM forecast_generations'))[0];
  if (generation === undefined || generation.n === '0') throw new NotReadyError('no forecasts yet: run `adpipe retrain` first');
  const segment = isCampaign ? '' : segmentText(q.segment);
  if (isCampaign && !(await campaignExists(clickhouse, q.campaignId))) {
    throw new NotFoundError('campaignId', (n) => `${n('campaignId')}: no campaign with id ${q.campaignId}`);
  }
  const params = { kind: isCampaign ? 'campaign' : 'segment', campaign_id: isCampaign ? q.campaignId : 0, segment, days };
  const found = await rows<Record<string, string | number>>(clickhouse, sqlFile('forecast/read-forecast.sql'), params);
  if (found.length === 0) {
    if (isCampaign) {
      throw new NotFoundError('campaignId', (n) => `${n('campaignId')}: campaign ${q.campaignId} has no forecast: it is not running after ${generation.as_of} ` +
        'or has fewer than 28 days of impressions');
    }
    const known = await knownValues(clickhouse);
    throw new NotFoundError('segment', (n) => `${n('segment')}: no forecast for segment ${segment}; ${known}`);
  }
  return {
    target: isCampaign ? `campaign ${q.campaignId}` : `segment ${segment}`,
    modelVersion: Number(found[0]!.model_version),
    asOf: generation.as_of,
    days: found.map((r) => ({
      day: String(r.day), horizon: Number(r.horizon),
      impressions: Number(r.impressions), impressionsLower: Number(r.impressions_lower), impressionsUpper: Number(r.impressions_upper),
      reach: Number(r.reach), reachLower: Number(r.reach_lower), reachUpper: Number(r.reach_upper),
    })),
  };
}

/** "known values: country DE, FR …; device …" from the latest generation's one-attribute segments. */
async function knownValues(clickhouse: ClickHouseClient): Promise<string> {
  const segs = await rows<{ segment: string }>(clickhouse,
    `SELECT DISTINCT segment FROM forecasts WHERE kind = 'segment' AND generation = (SELECT max(generation) FROM forecast_generations)
     AND position(segment, ',') = 0 ORDER BY segment`);
  const by = new Map<string, string[]>();
  for (const { segment } of segs) {
    const [k, v] = segment.split('=') as [string, string];
    by.set(k, [...(by.get(k) ?? []), v]);
  }
  const listed = segmentAttributes.filter((a) => by.has(a.name)).map((a) => `${a.name} ${by.get(a.name)!.join(', ')}`);
  return `known values: ${listed.join('; ')}`;
}
