import { ApplicationFailure } from '@temporalio/workflow';
import { generatorKinds, type GeneratorKind } from '../../workflows/generate/generator-choice.ts';

/** Input of generateNewData; every field is optional. */
export interface GenerateNewDataInput {
  /** Upper bound of the random sleep before generating, in whole seconds (default 120, at most 3600). */
  readonly maxSleepSeconds?: number;
  /** Makes the sleep and every choice repeatable; random per run when absent. */
  readonly seed?: number;
  /** Run this generator instead of a random one (fallbacks still apply when it has nothing to work on). */
  readonly generator?: GeneratorKind;
}

/** Defaults the design gives: a sleep of 0–120 s. */
export const defaultMaxSleepSeconds = 120;
/** A sleep longer than an hour would outlast any sensible schedule interval. */
const maxSleepCeiling = 3600;

function badInput(field: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'BadInput', nonRetryable: true, message: `${field}: ${message}` });
}

/** Check the input before anything runs; a bad field fails the run without retrying. */
export function validateGenerateNewDataInput(input: unknown): Required<Pick<GenerateNewDataInput, 'maxSleepSeconds'>> & GenerateNewDataInput {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badInput('input', `must be an object like { "maxSleepSeconds": 120 }, got ${JSON.stringify(input)}`);
  }
  const { maxSleepSeconds = defaultMaxSleepSeconds, seed, generator } = input as GenerateNewDataInput;
  if (!Number.isInteger(maxSleepSeconds) || maxSleepSeconds < 0 || maxSleepSeconds > maxSleepCeiling) {
    throw badInput('maxSleepSeconds', `must be an integer from 0 to ${maxSleepCeiling}, got ${JSON.stringify(maxSleepSeconds)}`);
  }
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
    throw badInput('seed', `must be a non-negative integer, got ${JSON.stringify(seed)}`);
  }
  if (generator !== undefined && !(generatorKinds as readonly string[]).includes(generator)) {
    throw badInput('generator', `must be one of ${generatorKinds.join(', ')}, got ${JSON.stringify(generator)}`);
  }
  return { maxSleepSeconds, seed, generator };
}
