// The input of initialLoad: one schema for the workflow, `adpipe run initial-load` and the API.
import { z } from 'zod';
import { batchSizeInput, type BatchSize } from './batch-size.ts';
import { inputObject, intField, mustBe } from './fields.ts';

/** Sizes of the data set initialLoad generates into an empty OLTP database. */
export type InitialDataSize = BatchSize;

/** What `npm start` generates into an empty database: 5 × 4 campaigns × 20,000 impressions. */
export const defaultInitialData: InitialDataSize = { advertisers: 5, campaigns: 4, impressions: 20_000, ctr: 0.05 };

/** initialLoad's input; every field is optional. */
export const initialLoadInput = inputObject({
  loadId: z.string(mustBe('a name')).min(1, mustBe('a non-empty name')).optional()
    .describe('names the load; a retry or re-run with the same id reuses its cut and skips done ranges'),
  rangeSize: intField(1000).optional().describe('ids per range (default 1,000,000)'),
  parallelism: intField(1, 32).optional().describe('ranges loaded at once (default 2)'),
  generateIfEmpty: z.union([z.literal(false), batchSizeInput]).optional()
    .describe('data set to generate when OLTP is empty (default: 5 × 4 campaigns × 20,000 impressions); false to never generate'),
});

export type InitialLoadInput = Readonly<z.input<typeof initialLoadInput>>;
