import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { backfillDayInput } from '../../../core/inputs/backfill-day-input.ts';
import { backfillInputSchema } from '../../../core/inputs/backfill-input.ts';
import { batchSizeInput } from '../../../core/inputs/batch-size.ts';
import { generateNewDataInput } from '../../../core/inputs/generate-new-data-input.ts';
import { initialLoadInput } from '../../../core/inputs/initial-load-input.ts';
import { checkInput } from '../../../core/inputs/parse-input.ts';
import { parseWorkflowInput } from '../../../core/inputs/parse-workflow-input.ts';
import { retrainForecastInput } from '../../../core/inputs/retrain-forecast-input.ts';
import { trackDeltasInput } from '../../../core/inputs/track-deltas-input.ts';
import { FailureType } from '../../../core/failures.ts';

const problemOf = (schema: z.ZodType, input: unknown) => {
  const checked = checkInput(schema, input);
  return 'problem' in checked ? checked.problem : undefined;
};

describe('workflow input schemas', () => {
  it('name the field and quote the value', () => {
    expect(problemOf(backfillDayInput, { day: '2026-01-01', campaignId: -3 })).toEqual({ field: 'campaignId', message: 'must be a positive integer, got -3' });
    expect(problemOf(initialLoadInput, { rangeSize: 5 })).toEqual({ field: 'rangeSize', message: 'must be an integer of at least 1000, got 5' });
    expect(problemOf(initialLoadInput, { generateIfEmpty: { advertisers: 1, campaigns: 1, impressions: 1, ctr: 2 } }))
      .toEqual({ field: 'generateIfEmpty.ctr', message: 'must be a number between 0 and 1, got 2' });
    expect(problemOf(trackDeltasInput, { tables: ['clicks', 'bogus'] }))
      .toEqual({ field: 'tables', message: 'unknown table bogus; expected some of advertisers, campaigns, impressions, clicks' });
    expect(problemOf(generateNewDataInput, 'now please')).toEqual({ field: 'input', message: 'must be an object, got "now please"' });
    expect(problemOf(generateNewDataInput, { maxSleepSeconds: 7200 })?.message).toBe('must be a non-negative integer (at most 3600), got 7200');
    expect(problemOf(retrainForecastInput, { ridge: Number.NaN })).toEqual({ field: 'ridge', message: 'must be a non-negative number, got NaN' });
    expect(problemOf(batchSizeInput, { advertisers: 50_000, campaigns: 50_000, impressions: 1, ctr: 0.1 })?.field).toBe('campaigns');
    expect(problemOf(backfillInputSchema('2026-11-23'), { from: '2026-11-01', to: '2026-11-30' }))
      .toEqual({ field: 'to', message: '2026-11-30 is in the future (today is 2026-11-23 UTC)' });
  });

  it('fill defaults and accept what the workflows always took', () => {
    expect(generateNewDataInput.parse({})).toEqual({ maxSleepSeconds: 120 });
    expect(trackDeltasInput.parse({ tables: ['clicks'] })).toEqual({ tables: ['clicks'] });
    expect(initialLoadInput.parse({ generateIfEmpty: false, parallelism: 2 })).toEqual({ generateIfEmpty: false, parallelism: 2 });
    expect(retrainForecastInput.parse({ asOf: '2026-06-09' })).toEqual({ asOf: '2026-06-09', historyDays: 120, forecastDays: 14, seed: 1, ridge: 1, maxSamples: 60_000 });
  });

  it('fail a workflow for good with BadInput naming the field', () => {
    const failure = (() => {
      try {
        parseWorkflowInput(backfillDayInput, { day: '2026-02-30' });
      } catch (err) {
        return err;
      }
    })();
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: FailureType.BadInput, nonRetryable: true, message: 'day: must be a date written YYYY-MM-DD, got "2026-02-30"' });
  });

  it('export as JSON Schema, for the HTTP API', () => {
    const schemas = [initialLoadInput, trackDeltasInput, generateNewDataInput, backfillInputSchema('2026-11-23'), backfillDayInput, retrainForecastInput];
    for (const schema of schemas) expect(z.toJSONSchema(schema, { io: 'input' })).toMatchObject({ type: 'object' });
    expect(z.toJSONSchema(backfillDayInput, { io: 'input' })).toMatchObject({ required: ['day'], properties: { campaignId: { type: 'integer', minimum: 1 } } });
  });
});
