import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client, type ScheduleDescription, type ScheduleHandle } from '@temporalio/client';
import { scheduleDefinitions, type ScheduleId } from './definitions.ts';
import { desiredSchedule, type ScheduleTarget } from './desired-schedule.ts';
import { scheduleChanges } from './schedule-changes.ts';
import type { ScheduleSettings } from './schedule-settings.ts';

/** What `apply` did to one schedule. */
export interface ApplyOutcome {
  readonly id: ScheduleId;
  readonly scheduleId: string;
  readonly outcome: 'created' | 'updated' | 'unchanged' | 'skipped';
  /** Fields an update changed. */
  readonly changes: string[];
  readonly reason?: string;
}

export interface ApplyOptions extends ScheduleTarget {
  readonly settings: ScheduleSettings;
  /** Workflow types the worker registers (see registered-workflows.ts). */
  readonly registered: ReadonlySet<string>;
}

async function describeOrUndefined(handle: ScheduleHandle): Promise<ScheduleDescription | undefined> {
  try {
    return await handle.describe();
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) return undefined;
    throw err;
  }
}

/**
 * Create every schedule that is missing and update those that differ from their
 * definition; leave identical ones untouched (no update call at all) and never change
 * whether a schedule is paused. Safe to run at every start-up and from several places.
 */
export async function applySchedules(client: Client, options: ApplyOptions): Promise<ApplyOutcome[]> {
  const outcomes: ApplyOutcome[] = [];
  for (const definition of scheduleDefinitions) {
    const desired = desiredSchedule(definition, options.settings, options);
    const base = { id: definition.id, scheduleId: desired.scheduleId };
    if (definition.requires !== undefined && !options.registered.has(definition.requires)) {
      outcomes.push({ ...base, outcome: 'skipped', changes: [], reason: `workflow ${definition.requires} is not registered yet` });
      continue;
    }
    const handle = client.schedule.getHandle(desired.scheduleId);
    let current = await describeOrUndefined(handle);
    if (current === undefined) {
      try {
        await client.schedule.create(desired);
        outcomes.push({ ...base, outcome: 'created', changes: [] });
        continue;
      } catch (err) {
        if (!(err instanceof ScheduleAlreadyRunning)) throw err;
        current = await handle.describe(); // created concurrently: compare with that one
      }
    }
    const changes = scheduleChanges(current, desired);
    if (changes.length === 0) {
      outcomes.push({ ...base, outcome: 'unchanged', changes });
      continue;
    }
    await handle.update((previous) => ({
      spec: desired.spec,
      action: desired.action,
      policies: desired.policies,
      state: { paused: previous.state.paused, note: previous.state.note, remainingActions: previous.state.remainingActions },
    }));
    outcomes.push({ ...base, outcome: 'updated', changes });
  }
  return outcomes;
}
