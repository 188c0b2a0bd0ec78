import { defaultMaxSleepSeconds, generateNewDataInput, maxSleepCeiling } from '../core/inputs/generate-new-data-input.ts';
import { UsageError } from '../lib/errors.ts';
import { scheduleDefinitions, type ActionSettings, type ScheduleId } from './definitions.ts';
import { parseInterval } from './intervals.ts';

/** Intervals (ms) and action settings, resolved once: flag, else variable, else default. */
export interface ScheduleSettings extends ActionSettings {
  readonly everyMs: Readonly<Record<ScheduleId, number>>;
}

/** Flags of `schedules apply`, as typed (strings until parsed here). */
export interface ScheduleFlags {
  readonly every?: Partial<Record<ScheduleId, string | undefined>>;
  readonly maxSleepSeconds?: string | undefined;
}

const maxSleepVariable = 'ADPIPE_GENERATE_MAX_SLEEP_SECONDS';

/** generateNewData's sleep bound from text, checked with the workflow's own rule. */
function parseSeconds(text: string, field: string): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!generateNewDataInput.shape.maxSleepSeconds.safeParse(value).success) {
    throw new UsageError(`${field} must be a whole number of seconds from 0 to ${maxSleepCeiling}, got ${JSON.stringify(text)}`, field);
  }
  return value;
}

/** Resolve every schedule's interval and the generator's sleep bound; errors name the flag or variable. */
export function scheduleSettings(env: NodeJS.ProcessEnv = process.env, flags: ScheduleFlags = {}): ScheduleSettings {
  const everyMs = {} as Record<ScheduleId, number>;
  for (const d of scheduleDefinitions) {
    const flag = flags.every?.[d.id];
    const fromEnv = env[d.every.variable]?.trim() ? env[d.every.variable] : undefined;
    everyMs[d.id] = flag !== undefined
      ? parseInterval(flag, d.every.flag)
      : parseInterval(fromEnv ?? d.every.default, fromEnv !== undefined ? d.every.variable : 'default interval');
  }
  const sleepFlag = flags.maxSleepSeconds;
  const sleepEnv = env[maxSleepVariable]?.trim() ? env[maxSleepVariable] : undefined;
  const maxSleepSeconds = sleepFlag !== undefined
    ? parseSeconds(sleepFlag, '--max-sleep-seconds')
    : sleepEnv !== undefined ? parseSeconds(sleepEnv, maxSleepVariable) : defaultMaxSleepSeconds;
  return Object.freeze({ everyMs: Object.freeze(everyMs), maxSleepSeconds });
}
