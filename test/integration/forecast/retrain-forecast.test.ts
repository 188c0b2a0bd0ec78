import { randomUUID } from 'node:crypto';
import { ScheduleOverlapPolicy, WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertHistory, type InsertHistoryResult } from '../../../generator/index.ts';
import { withPgTransaction } from '../../../lib/postgres/transaction.ts';
import { UsageError } from '../../../lib/errors.ts';
import { addDays } from '../../../core/calendar.ts';
import type { RetrainForecastInput, RetrainForecastResult } from '../../../workflows/forecast/retrain-forecast.ts';
import { runRetrain } from '../../../cli/handlers/forecast/retrain.ts';
import { readForecast } from '../../../cli/handlers/forecast/read-forecast.ts';
import { listModels } from '../../../cli/handlers/forecast/list-models.ts';
import { exitCodeFor } from '../../../cli/run-main.ts';
import { listForecastModels } from '../../../queries/forecast/forecast-models.ts';
import { readPublishedForecast } from '../../../queries/forecast/published-forecast.ts';
import { NotFoundError, NotReadyError, QueryInputError } from '../../../queries/query-errors.ts';
import { applySchedules } from '../../../schedules/apply-schedules.ts';
import { registeredWorkflowTypes } from '../../../schedules/registered-workflows.ts';
import { triggerSchedule } from '../../../schedules/schedule-control.ts';
import { scheduleSettings } from '../../../schedules/schedule-settings.ts';
import { createPipelineFixture, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';

// PostgreSQL (generated history) → initialLoad → ClickHouse → retrainForecast, on real servers.
describe('retrainForecast end to end', () => {
  let f: PipelineFixture;
  let history: InsertHistoryResult;
  const retrain = (input: RetrainForecastInput) =>
    f.client.workflow.execute('retrainForecast', { taskQueue: f.taskQueue, workflowId: `retrain-${randomUUID()}`, args: [input] }) as Promise<RetrainForecastResult>;
  const q = <T>(query: string, params: Record<string, unknown> = {}) =>
    f.clickhouse.query({ query, query_params: params, format: 'JSONEachRow' }).then((r) => r.json<T>());

  beforeAll(async () => {
    f = await createPipelineFixture();
    history = await withPgTransaction(f.pg, (tx) =>
      insertHistory(tx, { campaigns: 16, days: 63, seed: 2026, scale: 0.3, now: new Date('2026-06-01T06:00:00Z') }));
    await f.runInitialLoad({ generateIfEmpty: false });
  });
  afterAll(async () => f?.close());

  it('carries users and targeting attributes through the pipeline', async () => {
    const pg = await f.pg.query<{ reach: string; de: string }>(
      `SELECT count(DISTINCT user_id)::text AS reach, count(*) FILTER (WHERE country = 'DE')::text AS de FROM impressions WHERE created_at >= '2026-05-20' AND created_at < '2026-05-21'`);
    const ch = await q<{ reach: string; de: string }>(
      `SELECT toString(uniqExact(user_id)) AS reach, toString(countIf(country = 'DE')) AS de FROM impressions FINAL WHERE is_deleted = 0 AND toDate(created_at) = '2026-05-20'`);
    expect(Number(pg.rows[0]!.reach)).toBeGreaterThan(100);
    expect(ch[0]).toEqual(pg.rows[0]);
  });

  it('before the first retrain a forecast read finds nothing yet: a failure (exit 1), not bad usage', async () => {
    const err = await readForecast(f.clickhouse, { campaignId: history.plan.profiles[0]!.id, days: 3 }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(NotReadyError);
    expect(err).toMatchObject({ message: expect.stringMatching(/no forecasts yet/) });
    expect(exitCodeFor(err)).toBe(1);
  });

  it('trains, beats both baselines on the hold-out, promotes the first model and publishes 14-day forecasts', async () => {
    const r = await retrain({ asOf: history.lastDay });
    expect(r.promoted).toBe(true);
    expect(r.currentVersion).toBe(r.trainedVersion);
    expect(r.holdout).toEqual({ from: addDays(history.lastDay, -6), to: history.lastDay });
    const { candidate, seasonalNaive, trailingMean } = r.scores;
    expect(candidate.impressions.byHorizon.map((h) => h.horizon)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(candidate.score!).toBeLessThan(seasonalNaive.score!);
    expect(candidate.score!).toBeLessThan(trailingMean.score!);
    const active = history.plan.profiles.filter((p) => p.startOffset <= 63 - 28).length;
    expect(r.forecasts.campaigns).toBe(active);
    expect(r.forecasts.segments).toBeGreaterThan(20);
    const stored = await q<{ n: string; days: string }>(
      `SELECT toString(count()) AS n, toString(uniqExact(day)) AS days FROM forecasts WHERE generation = {g:UInt64} AND kind = 'campaign'`, { g: r.forecasts.generation });
    expect(stored[0]).toEqual({ n: String(active * 14), days: '14' });
  });

  it('forecast reads: a campaign, a segment, the model list; bad input is a usage error', async () => {
    const id = history.plan.profiles[0]!.id;
    const c = await readForecast(f.clickhouse, { campaignId: id, days: 5 });
    expect(c.days.map((d) => d.day)).toEqual([1, 2, 3, 4, 5].map((h) => addDays(history.lastDay, h)));
    for (const d of c.days) {
      expect(d.impressionsLower).toBeLessThanOrEqual(d.impressions);
      expect(d.impressionsUpper).toBeGreaterThanOrEqual(d.impressions);
      expect(d.reach).toBeLessThanOrEqual(d.impressions);
    }
    const s = await readForecast(f.clickhouse, { segment: { country: 'DE', device: 'mobile' }, days: 14 });
    expect(s.days).toHaveLength(14);
    expect(s.days[0]!.impressions).toBeGreaterThan(0);
    await expect(readForecast(f.clickhouse, { campaignId: 999_999, days: 3 })).rejects.toMatchObject({ field: '--campaign' });
    await expect(readForecast(f.clickhouse, { segment: { country: 'XX' }, days: 3 })).rejects.toThrow(/known values: country DE/);
    await expect(readForecast(f.clickhouse, { campaignId: id, days: 15 })).rejects.toMatchObject({ field: '--days' });
    const models = await listModels(f.clickhouse);
    expect(models[0]).toMatchObject({ current: true, decision: 'promoted' });
    // The queries the CLI and the API share name domain fields; unknown things are NotFoundErrors (404).
    const unknown = await readPublishedForecast(f.clickhouse, { campaignId: 999_999, days: 3 }).then(() => undefined, (e: unknown) => e);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown).toMatchObject({ field: 'campaignId', message: 'campaignId: no campaign with id 999999' });
    await expect(readForecast(f.clickhouse, { campaignId: 999_999, days: 3 })).rejects.toThrow('--campaign: no campaign with id 999999');
    await expect(readPublishedForecast(f.clickhouse, { segment: { country: 'XX' }, days: 3 })).rejects.toMatchObject({ field: 'segment' });
    await expect(readPublishedForecast(f.clickhouse, { campaignId: id, days: 0 })).rejects.toBeInstanceOf(QueryInputError);
    expect(await readPublishedForecast(f.clickhouse, { campaignId: id, days: 5 })).toEqual(c);
    expect(await listForecastModels(f.clickhouse, { limit: 1 })).toEqual(models.slice(0, 1));
  });

  it('does not promote a worse model, and training is deterministic with a seed', async () => {
    const worse = await retrain({ asOf: history.lastDay, ridge: 1e7 });
    expect(worse.promoted).toBe(false);
    expect(worse.reason).toMatch(/does not beat v\d+ on the hold-out/);
    expect(worse.scores.current!.score!).toBeLessThan(worse.scores.candidate.score!);
    expect(worse.currentVersion).toBe(worse.scores.current!.version);
    const again = await retrain({ asOf: history.lastDay });
    expect(again.promoted).toBe(false); // an equal model does not replace the current one
    const models = await q<{ version: number; model: string }>(`SELECT version, model FROM forecast_models FINAL ORDER BY version`);
    const first = models.find((m) => Number(m.version) === again.currentVersion)!;
    expect(models.find((m) => Number(m.version) === again.trainedVersion)!.model).toBe(first.model);
    const listed = await listModels(f.clickhouse);
    expect(listed.map((m) => m.decision)).toEqual(['kept out', 'kept out', 'promoted']);
  });

  it('too little history or bad input fails without retrying, and the current model stays', async () => {
    const before = (await listModels(f.clickhouse)).find((m) => m.current)!.version;
    const early = addDays(history.plan.firstDay, 40);
    await expect(runRetrain(f.client, f.taskQueue, { asOf: early })).rejects.toThrow(UsageError);
    await expect(runRetrain(f.client, f.taskQueue, { asOf: early })).rejects.toThrow(/needs at least 49 days of impressions/);
    await expect(retrain({ forecastDays: 15 })).rejects.toBeInstanceOf(WorkflowFailedError);
    await expect(runRetrain(f.client, f.taskQueue, { asOf: '2026-02-30' })).rejects.toThrow(/asOf: must be a date/);
    expect((await listModels(f.clickhouse)).find((m) => m.current)!.version).toBe(before);
  });

  it('the retrain-forecast schedule exists once the workflow is registered, and its runs start retrainForecast', async () => {
    const idPrefix = `test-${randomUUID().slice(0, 8)}-`;
    const settings = scheduleSettings({}, { every: { 'generate-new-data': '24h', 'track-deltas': '24h' } });
    try {
      const outcomes = await applySchedules(f.client, { taskQueue: f.taskQueue, idPrefix, registered: await registeredWorkflowTypes(), settings });
      expect(outcomes.find((o) => o.id === 'retrain-forecast')).toMatchObject({ outcome: 'created' });
      const schedule = await f.client.schedule.getHandle(`${idPrefix}retrain-forecast`).describe();
      expect(schedule.action).toMatchObject({ workflowType: 'retrainForecast', taskQueue: f.taskQueue });
      expect(schedule.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
      const workflowId = await triggerSchedule(f.client, 'retrain-forecast', { idPrefix }, 15_000);
      expect(workflowId).toMatch(new RegExp(`^${idPrefix}retrain-forecast-`));
      // A scheduled run learns up to the day before its slot; this history ended in May 2026.
      const failure = await f.client.workflow.getHandle(workflowId!).result().then(() => null, (e: unknown) => e);
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      const activityFailure = (failure as WorkflowFailedError).cause as (Error & { cause?: Error }) | undefined;
      expect(String(activityFailure?.cause?.message)).toMatch(/too little history to train a forecast/);
    } finally {
      for (const id of ['generate-new-data', 'track-deltas', 'retrain-forecast']) {
        await f.client.schedule.getHandle(`${idPrefix}${id}`).delete().catch(() => {});
      }
    }
  });
});
