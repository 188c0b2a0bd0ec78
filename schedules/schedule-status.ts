import { ScheduleNotFoundError, type Client, type ScheduleDescription } from '@temporalio/client';
import { scheduleDefinitions, type ScheduleId } from './definitions.ts';
import { scheduleIdOf, type ScheduleTarget } from './desired-schedule.ts';
import { formatInterval } from './intervals.ts';

/** A schedule's last started run and how it ended (or that it still runs). */
export interface LastRun {
  readonly workflowId: string;
  readonly runId: string;
  readonly scheduledAt: string;
  readonly startedAt: string;
  /** Temporal's execution status: RUNNING, COMPLETED, FAILED, … */
  readonly status: string;
}

/** One schedule as `schedules list` and `status` show it. */
export interface ScheduleStatus {
  readonly id: ScheduleId;
  readonly scheduleId: string;
  readonly workflowType: string;
  readonly state: 'active' | 'paused' | 'not created';
  readonly note: string | null;
  readonly every: string | null;
  readonly overlap: string | null;
  readonly nextRunAt: string | null;
  readonly lastRun: LastRun | null;
  readonly running: number;
  readonly actionsTaken: number;
  readonly skippedOverlap: number;
}

async function lastRun(client: Client, d: ScheduleDescription): Promise<LastRun | null> {
  const last = d.info.recentActions.at(-1);
  if (last === undefined) return null;
  const { workflowId, firstExecutionRunId: runId } = last.action.workflow;
  const status = await client.workflow.getHandle(workflowId, runId).describe().then((w) => w.status.name, () => 'UNKNOWN');
  return { workflowId, runId, scheduledAt: last.scheduledAt.toISOString(), startedAt: last.takenAt.toISOString(), status };
}

/** Describe every defined schedule (one call each; listing is only eventually consistent). */
export async function scheduleStatuses(client: Client, target: Pick<ScheduleTarget, 'idPrefix'> = {}): Promise<ScheduleStatus[]> {
  return Promise.all(scheduleDefinitions.map(async (definition): Promise<ScheduleStatus> => {
    const scheduleId = scheduleIdOf(definition, target);
    const base = { id: definition.id, scheduleId, workflowType: definition.workflowType };
    const d = await client.schedule.getHandle(scheduleId).describe().catch((err: unknown) => {
      if (err instanceof ScheduleNotFoundError) return undefined;
      throw err;
    });
    if (d === undefined) {
      return { ...base, state: 'not created', note: null, every: null, overlap: null, nextRunAt: null, lastRun: null, running: 0, actionsTaken: 0, skippedOverlap: 0 };
    }
    const every = d.spec.intervals?.[0]?.every;
    return {
      ...base,
      state: d.state.paused ? 'paused' : 'active',
      note: d.state.note ?? null,
      every: every === undefined ? null : formatInterval(every),
      overlap: d.policies.overlap ?? null,
      nextRunAt: d.state.paused ? null : (d.info.nextActionTimes[0]?.toISOString() ?? null),
      lastRun: await lastRun(client, d),
      running: d.info.runningActions.length,
      actionsTaken: d.info.numActionsTaken,
      skippedOverlap: d.info.numActionsSkippedOverlap,
    };
  }));
}
