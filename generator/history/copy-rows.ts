import { createRng } from '../random.ts';
import { createTimestampFormatter } from '../timestamp-text.ts';
import { dayTraffic } from './day-traffic.ts';
import type { HistoryPlan } from './plan.ts';
import { userAttribute } from './population.ts';

/** COPY column list matching the rows below. */
export const HISTORY_COPY_COLUMNS = '(campaign_id, created_at, user_id, country, device_type, age_band)';

const CHUNK_CHARS = 256 * 1024;

/** Per campaign: its id and the seed of its own rng (campaigns are reproducible one by one). */
export interface CampaignStream {
  readonly campaignId: number;
  readonly seed: number;
}

/**
 * COPY text of every impression of the plan, campaign by campaign and day by day, in
 * ~256 KiB chunks; `onDay` hears each campaign-day's count (for progress and totals).
 * Lazy: one campaign-day is in memory at a time.
 */
export function* historyCopyText(
  plan: HistoryPlan,
  campaigns: readonly CampaignStream[],
  onDay?: (campaign: number, dayIndex: number, impressions: number) => void,
): Generator<string> {
  const format = createTimestampFormatter();
  let chunk = '';
  for (let c = 0; c < campaigns.length; c++) {
    const { campaignId, seed } = campaigns[c]!;
    const rng = createRng(seed);
    for (let d = 0; d < plan.days; d++) {
      const day = dayTraffic(rng, plan, plan.profiles[c]!, d);
      for (let i = 0; i < day.times.length; i++) {
        const user = day.users[i]!;
        chunk += `${campaignId}\t${format(day.times[i]!)}\t${user}\t${userAttribute(user, 'country')}\t` +
          `${userAttribute(user, 'device_type')}\t${userAttribute(user, 'age_band')}\n`;
        if (chunk.length >= CHUNK_CHARS) {
          yield chunk;
          chunk = '';
        }
      }
      onDay?.(c, d, day.times.length);
    }
  }
  if (chunk.length > 0) yield chunk;
}
