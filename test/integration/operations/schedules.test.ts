import { randomUUID } from 'node:crypto';
import { ScheduleOverlapPolicy, type ScheduleDescription } from '@temporalio/client';
import type { TypedSearchAttributes } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../lib/errors.ts';
import { applySchedules, type ApplyOutcome } from '../../../schedules/apply-schedules.ts';
import { scheduleDefinitions } from '../../../schedules/definitions.ts';
import { registeredWorkflowTypes } from '../../../schedules/registered-workflows.ts';
import { pauseSchedule, triggerSchedule, unpauseSchedule } from '../../../schedules/schedule-control.ts';
import { scheduleSettings, type ScheduleFlags } from '../../../schedules/schedule-settings.ts';
import { scheduleStatuses } from '../../../schedules/schedule-status.ts';
import type { GenerateNewDataResult } from '../../../workflows/generate/generate-new-data.ts';
import { dateRangeKey, tableKey, workflowKindKey } from '../../../core/search-attributes.ts';
import { createPipelineFixture, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { seedCampaign, seedEvents } from '../pipeline/seed.ts';

const hour = 3_600_000;

describe('schedules', () => {
  let f: PipelineFixture;
  let registered: Set<string>;
  const idPrefix = `test-${randomUUID().slice(0, 8)}-`;
  const flags: ScheduleFlags = { every: { 'generate-new-data': '1h', 'track-deltas': '1h' }, maxSleepSeconds: '1' };
  const apply = (over: ScheduleFlags = {}) =>
    applySchedules(f.client, { taskQueue: f.taskQueue, idPrefix, registered, settings: scheduleSettings({}, { ...flags, ...over, every: { ...flags.every, ...over.every } }) });
  const describeSchedule = (id: string) => f.client.schedule.getHandle(`${idPrefix}${id}`).describe();
  const byId = (outcomes: ApplyOutcome[]) => Object.fromEntries(outcomes.map((o) => [o.id, o.outcome]));

  beforeAll(async () => {
    f = await createPipelineFixture();
    registered = await registeredWorkflowTypes();
    const campaign = await seedCampaign(f.pg);
    await seedEvents(f.pg, 'impressions', campaign, 200);
    await f.runInitialLoad({ generateIfEmpty: false });
  });
  afterAll(async () => {
    for (const d of scheduleDefinitions) await f?.client.schedule.getHandle(`${idPrefix}${d.id}`).delete().catch(() => {});
    await f?.close();
  });

  it('creates each schedule once; applying again changes nothing', async () => {
    const forecast = registered.has('retrainForecast') ? 'created' : 'skipped';
    expect(byId(await apply())).toEqual({ 'generate-new-data': 'created', 'track-deltas': 'created', 'retrain-forecast': forecast });
    const deltas = await describeSchedule('track-deltas');
    expect(deltas.spec.intervals).toEqual([{ every: hour, offset: 0 }]);
    expect(deltas.policies).toMatchObject({ overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 10 * 60_000 });
    expect(deltas.action).toMatchObject({ workflowType: 'trackDeltas', taskQueue: f.taskQueue, workflowId: `${idPrefix}track-deltas` });
    expect((deltas.action.typedSearchAttributes as TypedSearchAttributes).get(workflowKindKey)).toBe('trackDeltas');
    const generate = await describeSchedule('generate-new-data');
    expect(generate.action.args).toEqual([{ maxSleepSeconds: 1 }]);

    const before = await Promise.all(['generate-new-data', 'track-deltas'].map(describeSchedule));
    const again = await apply();
    expect(again.every((o) => o.outcome === 'unchanged' || o.outcome === 'skipped')).toBe(true);
    const after = await Promise.all(['generate-new-data', 'track-deltas'].map(describeSchedule));
    const stamp = (d: ScheduleDescription) => [d.info.lastUpdatedAt?.toISOString() ?? null, String(d.raw.conflictToken)];
    expect(after.map(stamp)).toEqual(before.map(stamp));
  });

  it('updates a changed interval in place and keeps an operator\'s pause', async () => {
    await pauseSchedule(f.client, 'track-deltas', 'maintenance window', { idPrefix });
    const outcomes = await apply({ every: { 'track-deltas': '2h' } });
    expect(outcomes.find((o) => o.id === 'track-deltas')).toMatchObject({ outcome: 'updated', changes: ['interval'] });
    expect(outcomes.find((o) => o.id === 'generate-new-data')?.outcome).toBe('unchanged');
    const d = await describeSchedule('track-deltas');
    expect(d.spec.intervals).toEqual([{ every: 2 * hour, offset: 0 }]);
    expect(d.state).toMatchObject({ paused: true, note: 'maintenance window' });
    expect(byId(await apply())['track-deltas']).toBe('updated'); // back to 1h
  });

  it('pauses and unpauses with a note, as list shows', async () => {
    await unpauseSchedule(f.client, 'track-deltas', 'maintenance over', { idPrefix });
    await pauseSchedule(f.client, 'generate-new-data', undefined, { idPrefix });
    const statuses = Object.fromEntries((await scheduleStatuses(f.client, { idPrefix })).map((s) => [s.id, s]));
    expect(statuses['track-deltas']).toMatchObject({ state: 'active', note: 'maintenance over', every: '1h', overlap: 'SKIP' });
    expect(Date.parse(statuses['track-deltas']!.nextRunAt!)).toBeGreaterThan(Date.now());
    expect(statuses['generate-new-data']).toMatchObject({ state: 'paused', note: 'paused with `adpipe schedules pause`', nextRunAt: null });
    await unpauseSchedule(f.client, 'generate-new-data', undefined, { idPrefix });
    expect((await describeSchedule('generate-new-data')).state.paused).toBe(false);
  });

  it('triggers a run now, tagged for the UI', async () => {
    const workflowId = await triggerSchedule(f.client, 'track-deltas', { idPrefix });
    expect(workflowId).toMatch(new RegExp(`^${idPrefix}track-deltas-`));
    const handle = f.client.workflow.getHandle(workflowId!);
    await handle.result();
    const run = await handle.describe();
    expect(run.status.name).toBe('COMPLETED');
    expect(run.typedSearchAttributes.get(workflowKindKey)).toBe('trackDeltas');
    expect(run.memo).toMatchObject({ summary: expect.stringContaining('Deltas of every table') });
    const status = (await scheduleStatuses(f.client, { idPrefix })).find((s) => s.id === 'track-deltas')!;
    expect(status.lastRun).toMatchObject({ workflowId, status: 'COMPLETED' });
  });

  it('refuses unknown or not-yet-created schedules as usage errors', async () => {
    await expect(triggerSchedule(f.client, 'nightly-report', { idPrefix })).rejects.toMatchObject({ name: 'UsageError', message: expect.stringContaining('unknown schedule "nightly-report"') });
    await expect(pauseSchedule(f.client, 'nope', 'x', { idPrefix })).rejects.toBeInstanceOf(UsageError);
    if (!registered.has('retrainForecast')) {
      await expect(pauseSchedule(f.client, 'retrain-forecast', undefined, { idPrefix })).rejects.toThrow(/does not exist yet/);
    }
  });

  it('stamps a late (backfilled) run with its own scheduled time, not the wall clock', async () => {
    const slot = new Date(Math.floor((Date.now() - 2 * 24 * hour) / hour) * hour);
    const handle = f.client.schedule.getHandle(`${idPrefix}generate-new-data`);
    await handle.backfill({ start: slot, end: new Date(slot.getTime() + 30 * 60_000), overlap: ScheduleOverlapPolicy.ALLOW_ALL });
    let action: ScheduleDescription['info']['recentActions'][number] | undefined;
    for (let i = 0; i < 50 && !action; i++) {
      action = (await handle.describe()).info.recentActions.find((a) => a.scheduledAt.getTime() === slot.getTime());
      if (!action) await new Promise((r) => setTimeout(r, 200));
    }
    expect(action).toBeDefined();
    const run = f.client.workflow.getHandle(action!.action.workflow.workflowId);
    const result = (await run.result()) as GenerateNewDataResult;
    expect(result.scheduledAt).toBe(slot.toISOString());
    expect(result.now).toBe(new Date(slot.getTime() + result.sleptMs).toISOString());
    const described = await run.describe();
    expect(described.typedSearchAttributes.get(workflowKindKey)).toBe('generateNewData');
    expect(described.typedSearchAttributes.get(tableKey)).toBe(result.table);
    expect(described.typedSearchAttributes.get(dateRangeKey)).toMatch(new RegExp(`\\.\\.${result.now.slice(0, 10)}$`));
    expect(described.memo?.summary).toMatch(new RegExp(`^${result.ran}: ${result.rows} `));
  });
});
