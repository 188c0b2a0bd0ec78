// Pure rules of a backfill's input, shared by the CLI (checks before starting anything)
// and the workflow (checks again, deterministically). No Node imports: workflow code.
import { parseDay } from '../calendar.ts';

/** Longest range one backfill may cover, in days (inclusive). */
export const maxBackfillDays = 366;

/** Input of a backfill: UTC days, inclusive, and optionally one campaign. */
export interface BackfillInput {
  /** First day, YYYY-MM-DD (UTC). */
  readonly from: string;
  /** Last day, YYYY-MM-DD (UTC), inclusive. */
  readonly to: string;
  readonly campaignId?: number;
  /** Days backfilled at once (default 4). */
  readonly concurrency?: number;
}

/** What is wrong with an input, naming the field at fault. */
export interface BackfillInputProblem {
  readonly field: 'from' | 'to' | 'campaignId' | 'concurrency';
  readonly message: string;
}

/** Date32's first day. */
const earliestDay = '1900-01-01';

/**
 * The first problem of an input, or undefined when it is fine. `today` is the current
 * UTC day: backfilling the future would load nothing and only hide later rows' days.
 */
export function checkBackfillInput(input: Partial<Record<keyof BackfillInput, unknown>>, today: string): BackfillInputProblem | undefined {
  const from = parseDay(input.from);
  const to = parseDay(input.to);
  if (from === undefined) return { field: 'from', message: `must be a date written YYYY-MM-DD, got ${JSON.stringify(input.from)}` };
  if (to === undefined) return { field: 'to', message: `must be a date written YYYY-MM-DD, got ${JSON.stringify(input.to)}` };
  if (from < parseDay(earliestDay)!) return { field: 'from', message: `${input.from} is before ${earliestDay}, the first day ClickHouse can store` };
  if (from > to) return { field: 'from', message: `${input.from} is after the end of the range (${input.to})` };
  if (to > parseDay(today)!) return { field: 'to', message: `${input.to} is in the future (today is ${today} UTC)` };
  if (to - from + 1 > maxBackfillDays) {
    return { field: 'to', message: `the range covers ${to - from + 1} days; at most ${maxBackfillDays} per backfill` };
  }
  const c = input.campaignId;
  if (c !== undefined && !(typeof c === 'number' && Number.isInteger(c) && c >= 1 && c <= 2_147_483_647)) {
    return { field: 'campaignId', message: `must be a positive integer, got ${JSON.stringify(c)}` };
  }
  const k = input.concurrency;
  if (k !== undefined && !(typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= 16)) {
    return { field: 'concurrency', message: `must be an integer from 1 to 16, got ${JSON.stringify(k)}` };
  }
  return undefined;
}

/** The workflow id of a backfill: one run per range (and campaign) at a time. */
export function backfillWorkflowId(input: Pick<BackfillInput, 'from' | 'to' | 'campaignId'>): string {
  return `backfill-${input.from}-${input.to}${input.campaignId === undefined ? '' : `-campaign-${input.campaignId}`}`;
}
