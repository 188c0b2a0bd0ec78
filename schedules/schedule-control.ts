import { ScheduleNotFoundError, type Client, type ScheduleHandle } from '@temporalio/client';
import { UsageError } from '../lib/errors.ts';
import { scheduleDefinition } from './definitions.ts';
import { scheduleIdOf, type ScheduleTarget } from './desired-schedule.ts';

/** The handle of a defined schedule; unknown ids are usage errors. */
function handleOf(client: Client, id: string, target: Pick<ScheduleTarget, 'idPrefix'>): ScheduleHandle {
  return client.schedule.getHandle(scheduleIdOf(scheduleDefinition(id), target));
}

/** Run `action`, turning "no such schedule" into a usage error that says how to create it. */
async function onExisting<T>(id: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) {
      throw new UsageError(`schedule "${id}" does not exist yet; create it with \`adpipe schedules apply\``, 'schedule');
    }
    throw err;
  }
}

/** Stop a schedule from starting runs; the note says why (shown in the UI and `schedules list`). */
export async function pauseSchedule(client: Client, id: string, note?: string, target: Pick<ScheduleTarget, 'idPrefix'> = {}): Promise<void> {
  const handle = handleOf(client, id, target);
  await onExisting(id, () => handle.pause(note ?? 'paused with `adpipe schedules pause`'));
}

/** Let a paused schedule start runs again. */
export async function unpauseSchedule(client: Client, id: string, note?: string, target: Pick<ScheduleTarget, 'idPrefix'> = {}): Promise<void> {
  const handle = handleOf(client, id, target);
  await onExisting(id, () => handle.unpause(note ?? 'unpaused with `adpipe schedules unpause`'));
}

/**
 * Start one run now, under the schedule's overlap policy (a track-deltas run already
 * going means this one is skipped). Resolves with the new run's workflow id, or
 * undefined when none appeared within `waitMs` (skipped, or the server is slow).
 */
export async function triggerSchedule(
  client: Client, id: string, target: Pick<ScheduleTarget, 'idPrefix'> = {}, waitMs = 5_000,
): Promise<string | undefined> {
  const handle = handleOf(client, id, target);
  const before = await onExisting(id, () => handle.describe());
  const seen = new Set(before.info.recentActions.map((a) => a.action.workflow.workflowId));
  await handle.trigger();
  for (const deadline = Date.now() + waitMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const started = (await handle.describe()).info.recentActions.find((a) => !seen.has(a.action.workflow.workflowId));
    if (started) return started.action.workflow.workflowId;
  }
  return undefined;
}
