import type { ScheduleOptions } from '@temporalio/client';
import type { ScheduleDefinition } from './definitions.ts';
import { parseInterval } from './intervals.ts';
import { runMetadata } from './run-metadata.ts';
import type { ScheduleSettings } from './schedule-settings.ts';

/** Where schedules point. */
export interface ScheduleTarget {
  readonly taskQueue: string;
  /** Prepended to every schedule id; lets several adpipes (tests) share one namespace. */
  readonly idPrefix?: string;
}

/** The Temporal schedule id of a definition. */
export function scheduleIdOf(definition: Pick<ScheduleDefinition, 'id'>, target: Pick<ScheduleTarget, 'idPrefix'>): string {
  return `${target.idPrefix ?? ''}${definition.id}`;
}

/** The schedule a definition asks for, as Temporal takes it. Runs are named "<schedule id>-<due time>". */
export function desiredSchedule(definition: ScheduleDefinition, settings: ScheduleSettings, target: ScheduleTarget): ScheduleOptions {
  const scheduleId = scheduleIdOf(definition, target);
  const summary = definition.summary(settings);
  return {
    scheduleId,
    spec: { intervals: [{ every: settings.everyMs[definition.id], offset: 0 }] },
    action: {
      type: 'startWorkflow',
      workflowType: definition.workflowType,
      workflowId: scheduleId,
      taskQueue: target.taskQueue,
      args: definition.args(settings),
      ...runMetadata(definition.workflowType, summary),
    },
    policies: {
      overlap: definition.overlap,
      catchupWindow: parseInterval(definition.catchupWindow, `${definition.id} catch-up window`),
      pauseOnFailure: false,
    },
    memo: { summary, managedBy: 'adpipe schedules apply' },
  };
}
