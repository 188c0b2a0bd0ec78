import { log, proxyActivities, sleep, upsertMemo, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { GenerateRowsInput, GenerateRowsResult } from '../../activities/generate/generate-new-data-activities.ts';
import { addDays, utcDay } from '../../core/calendar.ts';
import { quickActivity } from '../activity-options.ts';
import { generateNewDataInput, type GeneratorKind, type GenerateNewDataInput } from '../../core/inputs/generate-new-data-input.ts';
import { parseWorkflowInput } from '../../core/inputs/parse-workflow-input.ts';
import { pickGenerator, randomInt, resolveTarget, seededRandom } from './generator-choice.ts';
import { runInstant } from '../scheduled-start.ts';
import { dateRangeKey, tableKey } from '../../core/search-attributes.ts';

export type { GenerateNewDataInput } from '../../core/inputs/generate-new-data-input.ts';

const quick = proxyActivities<Activities>(quickActivity);

/** Sizes of one run: a trickle of traffic, not a batch. */
const impressionsPerRun = { min: 20, max: 500 } as const;
const clickRatioPerMille = { min: 1, max: 10 } as const;

export interface GenerateNewDataResult extends GenerateRowsResult {
  /** The generator drawn (or asked for) and the one that ran after fallbacks. */
  readonly requested: GeneratorKind;
  readonly ran: GeneratorKind;
  readonly advertiserId?: number;
  readonly campaignId?: number;
  readonly sleptMs: number;
  /** When the schedule wanted this run, for runs a schedule started. */
  readonly scheduledAt: string | null;
  /** The instant the rows are relative to: scheduled (or start) time plus the sleep. */
  readonly now: string;
  /** Seed the generator used for the rows (reproduces them with the CLI's --seed). */
  readonly rowSeed: number;
}

/**
 * Sleep a random 0–maxSleepSeconds on a durable timer, then run ONE generator: a new
 * advertiser, a campaign for an existing advertiser, impressions for an active campaign,
 * or clicks for a campaign with impressions. Every choice is drawn here, from the
 * workflow's deterministic random (or the given seed), so replay makes the same ones.
 */
export async function generateNewData(input: GenerateNewDataInput = {}): Promise<GenerateNewDataResult> {
  const { maxSleepSeconds, seed, generator } = parseWorkflowInput(generateNewDataInput, input);
  const random = seed === undefined ? Math.random : seededRandom(seed);
  const sleptMs = randomInt(random, 0, maxSleepSeconds * 1000);
  const requested = generator ?? pickGenerator(random);
  const { instant, scheduledAt } = runInstant();
  if (sleptMs > 0) await sleep(sleptMs);
  const now = new Date(instant.getTime() + sleptMs);
  const candidates = await quick.listGenerationCandidates({ day: utcDay(now) });
  const target = resolveTarget(requested, candidates, random);
  const rowsInput: GenerateRowsInput = {
    ...target,
    seed: randomInt(random, 0, 2 ** 31 - 1),
    now: now.toISOString(),
    ...(target.kind === 'impressions' ? { count: randomInt(random, impressionsPerRun.min, impressionsPerRun.max) } : {}),
    ...(target.kind === 'clicks' ? { ratio: randomInt(random, clickRatioPerMille.min, clickRatioPerMille.max) / 1000 } : {}),
  };
  const written = await quick.generateRows(rowsInput);
  const day = utcDay(now);
  // Impressions fall in the 7 days before "now"; other rows are dated "now" itself.
  const range = target.kind === 'impressions' ? `${addDays(day, -7)}..${day}` : `${day}..${day}`;
  upsertSearchAttributes([
    { key: tableKey, value: written.table },
    { key: dateRangeKey, value: range },
  ]);
  const on = 'campaignId' in target ? ` for campaign ${target.campaignId}` : 'advertiserId' in target ? ` for advertiser ${target.advertiserId}` : '';
  const fallback = requested === target.kind ? '' : ` (wanted ${requested}: nothing to work on)`;
  upsertMemo({ summary: `${target.kind}: ${written.rows} ${written.table} row(s)${on} at ${now.toISOString()}${fallback}` });
  const result: GenerateNewDataResult = {
    ...written,
    requested,
    ran: target.kind,
    ...('campaignId' in target ? { campaignId: target.campaignId } : {}),
    ...('advertiserId' in target ? { advertiserId: target.advertiserId } : {}),
    sleptMs,
    scheduledAt: scheduledAt?.toISOString() ?? null,
    now: now.toISOString(),
    rowSeed: rowsInput.seed,
  };
  log.info('generateNewData finished', { ...result });
  return result;
}
