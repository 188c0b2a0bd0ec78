// The input of backfill: one schema for the workflow (checked again, deterministically),
// `adpipe backfill` (checked before anything starts) and the API. No Node imports.
import { z } from 'zod';
import { parseDay } from '../calendar.ts';
import { countField, dayField, inputObject, intField } from './fields.ts';
import { checkInput, type InputProblem } from './parse-input.ts';

/** Longest range one backfill may cover, in days (inclusive). */
export const maxBackfillDays = 366;
/** Date32's first day. */
const earliestDay = '1900-01-01';

const fields = {
  from: dayField().refine((d) => d >= earliestDay, { error: (i) => `${String(i.input)} is before ${earliestDay}, the first day ClickHouse can store` })
    .describe('first day, YYYY-MM-DD (UTC)'),
  to: dayField().describe('last day, YYYY-MM-DD (UTC), inclusive; not in the future'),
  campaignId: countField(1).optional().describe('only this campaign (default: all)'),
  concurrency: intField(1, 16).optional().describe('days backfilled at once (default 4)'),
};

/**
 * The schema of a backfill's input on `today` (the current UTC day): backfilling the
 * future would load nothing and only hide later rows' days.
 */
export function backfillInputSchema(today: string) {
  return inputObject(fields).superRefine((input, ctx) => {
    const from = parseDay(input.from);
    const to = parseDay(input.to);
    if (from === undefined || to === undefined) return; // already reported by the field
    if (from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: `${input.from} is after the end of the range (${input.to})` });
    else if (to > parseDay(today)!) ctx.addIssue({ code: 'custom', path: ['to'], message: `${input.to} is in the future (today is ${today} UTC)` });
    else if (to - from + 1 > maxBackfillDays) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the range covers ${to - from + 1} days; at most ${maxBackfillDays} per backfill` });
    }
  });
}

/** Input of a backfill: UTC days, inclusive, and optionally one campaign. */
export type BackfillInput = Readonly<z.input<ReturnType<typeof backfillInputSchema>>>;

/** The first problem of an input on `today`, or undefined when it is fine. */
export function checkBackfillInput(input: unknown, today: string): InputProblem | undefined {
  const checked = checkInput(backfillInputSchema(today), input);
  return 'problem' in checked ? checked.problem : undefined;
}

/** The workflow id of a backfill: one run per range (and campaign) at a time. */
export function backfillWorkflowId(input: Pick<BackfillInput, 'from' | 'to' | 'campaignId'>): string {
  return `backfill-${input.from}-${input.to}${input.campaignId === undefined ? '' : `-campaign-${input.campaignId}`}`;
}
