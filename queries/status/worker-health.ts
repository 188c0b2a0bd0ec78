import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time.js';

/** Pollers of one kind of task on adpipe's task queue. */
export interface PollerGroup {
  readonly count: number;
  /** Most recent poll (UTC ISO), or null without pollers. */
  readonly lastPollAt: string | null;
  readonly identities: string[];
}

/** Whether workers serve the task queue: workflows and activities both need one. */
export interface WorkerHealth {
  readonly taskQueue: string;
  readonly workflowPollers: PollerGroup;
  readonly activityPollers: PollerGroup;
  readonly healthy: boolean;
}

// temporal.api.enums.v1.TaskQueueType; the proto package is not a direct dependency.
const taskQueueType = { workflow: 1, activity: 2 } as const;
/**
 * The server lists pollers it saw in the last few minutes, stopped workers included. A
 * live worker long-polls without pause (each poll ends within about a minute), so older
 * pollers are gone.
 */
const liveWithinMs = 2 * 60_000;

async function pollers(client: Client, namespace: string, taskQueue: string, kind: keyof typeof taskQueueType): Promise<PollerGroup> {
  const response = await client.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: taskQueueType[kind],
  });
  const since = Date.now() - liveWithinMs;
  const list = (response.pollers ?? []).filter((p) => (optionalTsToMs(p.lastAccessTime) ?? 0) >= since);
  const last = Math.max(0, ...list.map((p) => optionalTsToMs(p.lastAccessTime) ?? 0));
  return {
    count: list.length,
    lastPollAt: last > 0 ? new Date(last).toISOString() : null,
    identities: list.map((p) => p.identity ?? '').filter((i) => i !== '').sort(),
  };
}

/**
 * Workers polling adpipe's task queue, as the Temporal server saw them (it keeps pollers
 * of the last few minutes). Healthy when both workflow and activity tasks have a poller.
 */
export async function workerHealth(client: Client, namespace: string, taskQueue: string): Promise<WorkerHealth> {
  const [workflowPollers, activityPollers] = await Promise.all([
    pollers(client, namespace, taskQueue, 'workflow'),
    pollers(client, namespace, taskQueue, 'activity'),
  ]);
  return { taskQueue, workflowPollers, activityPollers, healthy: workflowPollers.count > 0 && activityPollers.count > 0 };
}
