import type { Client } from '@temporalio/client';
import { pauseSchedule, triggerSchedule, unpauseSchedule } from '../../../schedules/schedule-control.ts';
import { scheduleStatuses } from '../../../schedules/schedule-status.ts';
import type { Output } from '../services.ts';
import { scheduleTable } from './format-schedules.ts';

/** `schedules list`: state, interval, next and last run of every schedule. */
export async function runSchedulesList(client: Client, opts: { json?: boolean }, io: Output): Promise<void> {
  const statuses = await scheduleStatuses(client);
  io.out(opts.json ? JSON.stringify(statuses, null, 2) : scheduleTable(statuses));
}

/** `schedules pause|unpause <id> [--note]`. */
export async function runSchedulesPause(client: Client, id: string, opts: { note?: string; paused: boolean }, io: Output): Promise<void> {
  if (opts.paused) await pauseSchedule(client, id, opts.note);
  else await unpauseSchedule(client, id, opts.note);
  io.out(`Schedule ${id} ${opts.paused ? 'paused' : 'unpaused'}${opts.note ? `: ${opts.note}` : ''}.`);
}

/** `schedules trigger <id>`: one run now, under the schedule's overlap policy. */
export async function runSchedulesTrigger(client: Client, id: string, io: Output): Promise<void> {
  const workflowId = await triggerSchedule(client, id);
  io.out(workflowId
    ? `Schedule ${id} triggered: workflow ${workflowId} started.`
    : `Schedule ${id} triggered, but no new run appeared yet (skipped by its overlap policy while a run is going, or the server is slow); see \`adpipe schedules list\`.`);
}
