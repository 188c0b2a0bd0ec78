import type { ClickHouseClient } from '@clickhouse/client';
import { QueryInputError } from './query-errors.ts';

/** campaign_id is UInt32 in ClickHouse. */
const maxCampaignId = 4_294_967_295;

/** A campaign id a query was given, checked: a whole number from 1 up to UInt32's maximum. */
export function checkCampaignId(id: number): number {
  if (!(Number.isInteger(id) && id >= 1 && id <= maxCampaignId)) {
    throw new QueryInputError('campaignId', (n) => `${n('campaignId')} must be a positive integer, got ${JSON.stringify(id)}`);
  }
  return id;
}

/** Whether ClickHouse knows the campaign (it may exist in PostgreSQL and not be replicated yet). */
export async function campaignExists(clickhouse: ClickHouseClient, campaignId: number): Promise<boolean> {
  const found = await clickhouse
    .query({ query: 'SELECT count() AS n FROM campaigns_current WHERE id = {campaign_id:UInt32}', query_params: { campaign_id: campaignId }, format: 'JSONEachRow' })
    .then((res) => res.json<{ n: string }>());
  return Number(found[0]?.n ?? 0) > 0;
}
