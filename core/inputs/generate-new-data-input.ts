// The input of generateNewData: one schema for the workflow, `adpipe run generate-new-data`
// and the API. No Node imports: workflow code.
import { z } from 'zod';
import { countField, inputObject, oneOf, seedField } from './fields.ts';

/** The generators generateNewData can run. */
export const generatorKinds = ['advertiser', 'campaign', 'impressions', 'clicks'] as const;
export type GeneratorKind = (typeof generatorKinds)[number];

/** The design's default: a sleep of 0–120 s. */
export const defaultMaxSleepSeconds = 120;
/** A sleep longer than an hour would outlast any sensible schedule interval. */
export const maxSleepCeiling = 3600;

/** generateNewData's input; every field is optional. */
export const generateNewDataInput = inputObject({
  maxSleepSeconds: countField(0, maxSleepCeiling).default(defaultMaxSleepSeconds)
    .describe(`upper bound of the random sleep before generating, in whole seconds (default ${defaultMaxSleepSeconds})`),
  seed: seedField().optional().describe('makes the sleep and every choice repeatable; random per run when absent'),
  generator: oneOf(generatorKinds).optional()
    .describe('run this generator instead of a random one (fallbacks still apply when it has nothing to work on)'),
});

export type GenerateNewDataInput = Readonly<z.input<typeof generateNewDataInput>>;
