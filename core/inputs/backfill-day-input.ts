// The input of backfillDay, a child of backfill that may also be started on its own.
import { z } from 'zod';
import { countField, dayField, inputObject } from './fields.ts';

/** One UTC day of a backfill, for all campaigns or one. */
export const backfillDayInput = inputObject({
  day: dayField().describe('the UTC day, YYYY-MM-DD'),
  campaignId: countField(1).optional().describe('only this campaign (default: all)'),
});

export type BackfillDayInput = Readonly<z.input<typeof backfillDayInput>>;
