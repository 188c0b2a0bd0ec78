import type { Client } from '@temporalio/client';
import { adpipeSearchAttributes } from '../../../core/search-attributes.ts';
import { applySchedules, type ApplyOutcome } from '../../../schedules/apply-schedules.ts';
import { formatInterval } from '../../../schedules/intervals.ts';
import { registeredWorkflowTypes } from '../../../schedules/registered-workflows.ts';
import type { ScheduleSettings } from '../../../schedules/schedule-settings.ts';
import { registerSearchAttributes } from '../../../worker/register-search-attributes.ts';
import type { Output } from '../services.ts';

/** Where and how to apply, from the config and `schedules apply` flags. */
export interface ApplyRequest {
  readonly taskQueue: string;
  readonly namespace: string;
  readonly settings: ScheduleSettings;
  readonly idPrefix?: string;
}

/**
 * Register adpipe's search attributes where the server lacks them (the schedules set
 * them on every run), then create or update the schedules. Prints one line per schedule.
 */
export async function applyConfiguredSchedules(client: Client, request: ApplyRequest, io: Output, json = false): Promise<ApplyOutcome[]> {
  const registration = await registerSearchAttributes(client.connection, request.namespace);
  if (registration.error !== undefined) {
    const wanted = Object.entries(adpipeSearchAttributes).map(([name, kind]) => `${name} (${kind})`).join(', ');
    io.err(`adpipe: could not check or register search attributes (${registration.error}); register ${wanted} on the server if runs fail to start`);
  } else if (registration.added.length > 0) {
    io.err(`Registered search attributes: ${registration.added.join(', ')}`);
  }
  const outcomes = await applySchedules(client, { ...request, registered: await registeredWorkflowTypes() });
  if (json) {
    io.out(JSON.stringify(outcomes, null, 2));
    return outcomes;
  }
  for (const o of outcomes) {
    const every = o.outcome === 'skipped' ? '' : ` every ${formatInterval(request.settings.everyMs[o.id])}`;
    const detail = o.outcome === 'updated' ? ` (${o.changes.join(', ')})` : o.reason ? ` (${o.reason})` : '';
    io.out(`Schedule ${o.scheduleId}: ${o.outcome}${every}${detail}`);
  }
  return outcomes;
}
