import type { ScheduleFlags } from '../../../schedules/schedule-settings.ts';
import { scheduleSettings } from '../../../schedules/schedule-settings.ts';
import { scheduleDefinition } from '../../../schedules/definitions.ts';
import { withPipelineContext } from '../pipeline-context.ts';
import type { Output } from '../services.ts';
import { applyConfiguredSchedules } from './apply.ts';
import { runSchedulesList, runSchedulesPause, runSchedulesTrigger } from './control.ts';

// `adpipe schedules …` entry points: resolve servers, run the client-level handler, close.

/** `schedules apply`: intervals from flags, else env, else defaults (bad values exit 2 before connecting). */
export async function schedulesApply(flags: ScheduleFlags, json: boolean, io: Output): Promise<void> {
  const settings = scheduleSettings(process.env, flags);
  await withPipelineContext(async (ctx) => {
    const { client } = await ctx.temporal();
    await applyConfiguredSchedules(client, { taskQueue: ctx.config.taskQueue, namespace: ctx.config.temporalNamespace, settings }, io, json);
  });
}

/** `schedules list`. */
export async function schedulesList(opts: { json?: boolean }, io: Output): Promise<void> {
  await withPipelineContext(async (ctx) => runSchedulesList((await ctx.temporal()).client, opts, io));
}

/** `schedules pause|unpause <id>`. */
export async function schedulesPause(id: string, opts: { note?: string; paused: boolean }, io: Output): Promise<void> {
  scheduleDefinition(id); // an unknown id exits 2 before any server is contacted
  await withPipelineContext(async (ctx) => runSchedulesPause((await ctx.temporal()).client, id, opts, io));
}

/** `schedules trigger <id>`. */
export async function schedulesTrigger(id: string, io: Output): Promise<void> {
  scheduleDefinition(id);
  await withPipelineContext(async (ctx) => runSchedulesTrigger((await ctx.temporal()).client, id, io));
}
