import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleDefinitions } from '../../../schedules/definitions.ts';
import { testStack } from '../../harness/context.ts';
import { createPipelineFixture, type PipelineFixture } from '../pipeline/pipeline-fixture.ts';
import { jsonCommands } from './json-commands.ts';

const repo = path.resolve(import.meta.dirname, '../../..');

interface HistoryJson { lastDay: string; plan: { profiles: { id: number; startOffset: number }[] } }
interface BatchJson { advertisers: number; campaigns: number; campaignIds: number[] }

// Every command that takes --json, run as a user runs it (the CLI binary, its own process)
// against a fixture's databases and worker, and its stdout parsed as JSON.
describe('every --json prints JSON', () => {
  let f: PipelineFixture;
  let env: NodeJS.ProcessEnv;
  let history: HistoryJson;
  const ran = new Set<string>();

  /** Run `adpipe <args>`; expect `code`; stdout parsed as JSON, recorded under the command's path. */
  const adpipe = async <T>(command: (typeof jsonCommands)[number] | 'run', args: string[], code = 0): Promise<T> => {
    const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], { cwd: repo, env, maxBuffer: 64 << 20 }).then(
      (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(r.code, `adpipe ${args.join(' ')}: ${r.stderr}`).toBe(code);
    ran.add(command);
    return JSON.parse(r.stdout) as T;
  };
  const count = async (sql: string) => Number((await f.pg.query<{ n: string }>(sql)).rows[0]!.n);

  // Each test runs several CLI processes (a few seconds each to start) and workflows.
  beforeAll(async () => {
    f = await createPipelineFixture();
    const stack = testStack();
    const [{ db }] = (await f.clickhouse.query({ query: 'SELECT currentDatabase() AS db', format: 'JSONEachRow' }).then((r) => r.json<{ db: string }>())) as [{ db: string }];
    env = {
      ...process.env,
      DATABASE_URL: f.databaseUrl,
      CLICKHOUSE_URL: stack.clickhouseUrl,
      CLICKHOUSE_USER: stack.clickhouseUser,
      CLICKHOUSE_PASSWORD: stack.clickhousePassword,
      CLICKHOUSE_DATABASE: db,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_NAMESPACE: stack.temporalNamespace,
      ADPIPE_TASK_QUEUE: f.taskQueue,
    };
  });
  afterAll(async () => {
    for (const d of scheduleDefinitions) await f?.client.schedule.getHandle(d.id).delete().catch(() => {});
    await f?.close();
  });

  it('migrate and the generator commands', async () => {
    expect(await adpipe('migrate', ['migrate', '--json'])).toEqual({ direction: 'up', ran: [] });
    history = await adpipe<HistoryJson>('history', ['history', '--campaigns', '4', '--days', '56', '--scale', '0.2', '--seed', '7', '--json']);
    expect(history.plan.profiles).toHaveLength(4);
    const batch = await adpipe<BatchJson>('batch', ['batch', '--advertisers', '1', '--campaigns', '2', '--impressions', '50', '--seed', '3', '--json']);
    expect(batch).toMatchObject({ advertisers: 1, campaigns: 2 });
    const advertisers = await adpipe<{ ids: number[] }>('advertisers', ['advertisers', '--count', '2', '--json']);
    expect(advertisers.ids).toHaveLength(2);
    const campaigns = await adpipe<{ advertiserId: number; ids: number[] }>('campaigns', ['campaigns', '--advertiser-id', String(advertisers.ids[0]), '--json']);
    expect(campaigns).toMatchObject({ advertiserId: advertisers.ids[0], ids: [expect.any(Number)] });
    const campaign = String(batch.campaignIds[0]);
    expect(await adpipe('impressions', ['impressions', '--campaign-id', campaign, '--count', '10', '--json'])).toMatchObject({ impressions: 10 });
    const clicks = await adpipe<{ impressions: number; clicks: number }>('clicks', ['clicks', '--campaign-id', campaign, '--ratio', '0.5', '--json']);
    expect(clicks).toMatchObject({ impressions: 60, clicks: 30 });
    const stats = await adpipe<{ campaigns: number; impressions: number }>('stats', ['stats', '--json']);
    expect(stats).toMatchObject({ campaigns: await count('SELECT count(*) AS n FROM campaign'), impressions: await count('SELECT count(*) AS n FROM impressions') });
  }, 300_000);

  it('run (any spelling), status, verify, report and backfill', async () => {
    const load = await adpipe<{ tables: string[]; rowsByTable: Record<string, number> }>('run', ['run', 'initial_load']);
    expect(load.tables).toEqual(['advertisers', 'campaigns', 'impressions', 'clicks']);
    expect(load.rowsByTable.impressions).toBe(await count('SELECT count(*) AS n FROM impressions'));
    expect(await adpipe('run', ['run', 'trackDeltas', '--tables', 'clicks'])).toMatchObject({ advanced: ['clicks'] });
    expect(await adpipe('run', ['run', 'generate-new-data', '--max-sleep-seconds', '0', '--seed', '5'])).toMatchObject({ sleptMs: 0, rowSeed: expect.any(Number) });
    await adpipe('run', ['run', 'track-deltas']);

    const status = await adpipe<{ tables: { table: string; rowsBehind: number }[] }>('status', ['status', '--json']);
    expect(status.tables.map((t) => [t.table, t.rowsBehind])).toEqual([['advertisers', 0], ['campaigns', 0], ['impressions', 0], ['clicks', 0]]);
    expect(await adpipe('verify', ['verify', '--json'])).toMatchObject({ differences: [] });
    const totals = await adpipe<{ campaign_id: number }[]>('report', ['report', 'totals', '--json']);
    expect(totals).toHaveLength(await count('SELECT count(*) AS n FROM campaign'));
    const day = history.lastDay;
    const daily = await adpipe<{ day: string }[]>('report', ['report', 'daily', '--from', day, '--to', day, '--json']);
    expect(daily.length).toBeGreaterThan(0);
    expect(daily.every((r) => r.day === day)).toBe(true);
    const backfill = await adpipe<{ days: number; rows: { impressions: number } }>('backfill', ['backfill', '--from', day, '--to', day, '--json']);
    expect(backfill.days).toBe(1);
    expect(backfill.rows.impressions).toBe(await count(`SELECT count(*) AS n FROM impressions WHERE created_at::date = '${day}'`));
  }, 300_000);

  it('retrain (and run retrain-forecast), forecast and forecast models, --json before or after the subcommand', async () => {
    const retrained = await adpipe<{ asOf: string; trainedVersion: number }>('retrain', ['retrain', '--as-of', history.lastDay, '--json']);
    expect(retrained).toMatchObject({ asOf: history.lastDay, trainedVersion: expect.any(Number) });
    expect(await adpipe('run', ['run', 'retrainForecast', '--as-of', history.lastDay])).toMatchObject({ trainedVersion: retrained.trainedVersion + 1 });

    const campaign = String([...history.plan.profiles].sort((a, b) => a.startOffset - b.startOffset)[0]!.id);
    const after = await adpipe<{ days: unknown[] }>('forecast', ['forecast', '--campaign', campaign, '--days', '3', '--json']);
    expect(after.days).toHaveLength(3);
    expect(await adpipe('forecast', ['forecast', '--json', '--campaign', campaign, '--days', '3'])).toEqual(after);

    const models = await adpipe<{ version: number }[]>('forecast models', ['forecast', 'models', '--json']);
    expect(models.map((m) => m.version)).toEqual([retrained.trainedVersion + 1, retrained.trainedVersion]);
    expect(await adpipe('forecast models', ['forecast', '--json', 'models'])).toEqual(models);
  }, 300_000);

  it('schedules apply and list', async () => {
    const every = scheduleDefinitions.flatMap((d) => [d.every.flag, '366d']); // no run falls due during the test
    const applied = await adpipe<{ id: string; outcome: string }[]>('schedules apply', ['schedules', 'apply', ...every, '--json']);
    expect(applied.map((o) => [o.id, o.outcome])).toEqual(scheduleDefinitions.map((d) => [d.id, 'created']));
    const listed = await adpipe<{ id: string; state: string; every: string }[]>('schedules list', ['schedules', 'list', '--json']);
    expect(listed.map((s) => [s.id, s.state, s.every])).toEqual(scheduleDefinitions.map((d) => [d.id, 'active', '366d']));
  }, 300_000);

  it('reset, and no --json command was left out', async () => {
    const before = await count('SELECT count(*) AS n FROM impressions');
    expect(await adpipe('reset', ['reset', '--yes', '--json'])).toMatchObject({ impressions: before });
    expect(await count('SELECT count(*) AS n FROM impressions')).toBe(0);
    expect([...ran].filter((c) => c !== 'run').sort()).toEqual([...jsonCommands].sort());
  }, 300_000);
});
