import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from '@clickhouse/client';
import { Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config.ts';
import { findFreePorts, PortInUseError } from '../../services/ports.ts';
import { adpipeSearchAttributes } from '../../core/search-attributes.ts';
import { startEmbeddedStack } from '../../services/stack.ts';
import { testStack } from '../harness/context.ts';
import { createClickHouseDatabase, createPgDatabase } from '../harness/databases.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cliArgs = ['--import', 'tsx', path.join(repo, 'cli', 'index.ts')];
const run = promisify(execFile);

/** Run the CLI to completion; never throws, returns exit code and output. */
async function adpipe(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...cliArgs, ...args], { cwd: repo, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Start `adpipe services` and wait until it says it is ready. */
async function startServicesCli(args: string[]): Promise<{ cli: ChildProcess; output: () => string }> {
  const cli = spawn(process.execPath, [...cliArgs, 'services', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  cli.stdout!.on('data', (d) => (output += d));
  cli.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 120_000;
  while (!output.includes('Press Ctrl-C')) {
    if (cli.exitCode !== null || Date.now() > deadline) throw new Error(`adpipe services did not start:\n${output}`);
    await sleep(100);
  }
  return { cli, output: () => output };
}

/** Pids whose parent is `ppid` and that are not zombies (Linux /proc). */
function childPids(ppid: number): number[] {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(parent) === ppid && state !== 'Z' ? [Number(d)] : [];
    } catch {
      return [];
    }
  });
}

function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntilGone(pids: number[], ms = 20_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (pids.some(alive) && Date.now() < deadline) await sleep(200);
  return pids.filter(alive);
}

const tempDirs: string[] = [];
function tempStateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adpipe-cli-test-'));
  fs.chmodSync(dir, 0o755); // PostgreSQL runs as "postgres" when we are root
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the harness stack', () => {
  it('answers on PostgreSQL, ClickHouse and Temporal', async () => {
    const stack = testStack();
    const client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ one: number; tz: string }>(`SELECT 1 AS one, current_setting('TimeZone') AS tz`);
    await client.end();
    expect(rows[0]!.one).toBe(1);
    if (stack.mode !== 'env') expect(rows[0]!.tz).toBe('UTC');

    const ch = createClient({ url: stack.clickhouseUrl, username: stack.clickhouseUser, password: stack.clickhousePassword });
    expect((await ch.ping()).success).toBe(true);
    const result = await ch.query({ query: 'SELECT {n:UInt8} + 1 AS two', query_params: { n: 1 }, format: 'JSONEachRow' });
    expect(await result.json<{ two: number }>()).toEqual([{ two: 2 }]);
    await ch.close();

    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      await connection.workflowService.describeNamespace({ namespace: stack.temporalNamespace });
      if (stack.mode !== 'env') {
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: stack.temporalNamespace });
        for (const name of Object.keys(adpipeSearchAttributes)) expect(Object.keys(customAttributes ?? {})).toContain(name);
      }
    } finally {
      await connection.close();
    }
    if (stack.temporalUiUrl) expect((await fetch(stack.temporalUiUrl)).ok).toBe(true);
  });

  it('gives each test its own databases', async () => {
    const pgDb = await createPgDatabase('harness');
    const chDb = await createClickHouseDatabase('harness');
    try {
      const client = new pg.Client({ connectionString: pgDb.url });
      client.on('error', () => {}); // left connected on purpose: drop() must force it off
      await client.connect();
      await client.query('CREATE TABLE t (id int)');
      expect((await client.query('SELECT current_database() AS db')).rows[0].db).toBe(pgDb.name);
      await chDb.client.command({ query: 'CREATE TABLE t (id UInt32) ENGINE = MergeTree ORDER BY id' });
      await chDb.client.insert({ table: 't', values: [{ id: 7 }], format: 'JSONEachRow' });
      const rows = await (await chDb.client.query({ query: 'SELECT id FROM t', format: 'JSONEachRow' })).json();
      expect(rows).toEqual([{ id: 7 }]);
    } finally {
      await pgDb.drop();
      await chDb.drop();
    }
    const admin = new pg.Client({ connectionString: testStack().databaseUrl });
    await admin.connect();
    expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [pgDb.name])).rowCount).toBe(0);
    await admin.end();
  });
});

describe.skipIf(testStack().mode === 'env' || process.platform !== 'linux')('adpipe services', () => {
  it('starts, prints addresses and env, persists data, and stops leaving no process', async () => {
    const stateDir = tempStateDir();
    const [pgPort, chPort, tPort, uiPort] = (await findFreePorts(4)) as [number, number, number, number];
    const flags = ['--state-dir', stateDir, '--pg-port', `${pgPort}`, '--clickhouse-port', `${chPort}`, '--temporal-port', `${tPort}`, '--temporal-ui-port', `${uiPort}`];
    const first = await startServicesCli(flags);
    expect(first.output()).toContain(`http://127.0.0.1:${chPort}`);
    expect(first.output()).toContain(`127.0.0.1:${tPort}`);
    expect(first.output()).toContain(`http://127.0.0.1:${uiPort}`);

    const env = await adpipe(['env', '--state-dir', stateDir]);
    expect(env.code).toBe(0);
    expect(env.stdout).toMatch(new RegExp(`^export DATABASE_URL=postgres://postgres:\\w+@127\\.0\\.0\\.1:${pgPort}/adpipe$`, 'm'));
    expect(env.stdout).toContain(`export CLICKHOUSE_URL=http://127.0.0.1:${chPort}\n`);
    expect(env.stdout).toContain(`export TEMPORAL_ADDRESS=127.0.0.1:${tPort}\n`);
    const databaseUrl = /^export DATABASE_URL=(.*)$/m.exec(env.stdout)![1]!;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');
    await client.end();

    const again = await adpipe(['services', ...flags]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already running/);

    const children = childPids(first.cli.pid!);
    expect(children.length).toBeGreaterThanOrEqual(4); // postgres, clickhouse, temporal, watchdog
    first.cli.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => first.cli.once('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(first.output()).toContain('Stopped.');
    expect(await waitUntilGone(children)).toEqual([]);
    expect(fs.existsSync(path.join(stateDir, 'services.json'))).toBe(false);

    // Second run: same data; killed outright, the watchdog still takes every server down.
    const second = await startServicesCli(flags);
    const survivor = new pg.Client({ connectionString: databaseUrl });
    await survivor.connect();
    expect((await survivor.query('SELECT id FROM kept')).rows).toEqual([{ id: 42 }]);
    await survivor.end();
    const secondChildren = childPids(second.cli.pid!);
    second.cli.kill('SIGKILL');
    expect(await waitUntilGone(secondChildren)).toEqual([]);
    expect((await adpipe(['env', '--state-dir', stateDir])).code).toBe(1); // stale services.json is ignored
  });

  it('fails fast and clearly when a port is taken', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as net.AddressInfo).port;
    try {
      const [pgPort, chPort, tPort, uiPort] = (await findFreePorts(4)) as [number, number, number, number];
      const started = Date.now();
      const error = await startEmbeddedStack({
        config: loadConfig(),
        stateDir: path.join(tempStateDir(), 'never-created'),
        ports: { postgres: taken, clickhouse: chPort, temporal: tPort, temporalUi: uiPort },
        log: () => {},
      }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toContain(`port ${taken}`);

      const cli = await adpipe(['services', '--state-dir', tempStateDir(), '--pg-port', `${pgPort}`,
        '--clickhouse-port', `${chPort}`, '--temporal-port', `${taken}`, '--temporal-ui-port', `${uiPort}`]);
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(new RegExp(`port ${taken} for Temporal is already in use.*ADPIPE_TEMPORAL_PORT.*--temporal-port`));
    } finally {
      holder.close();
    }
  });

  it('env says so when no stack runs', async () => {
    const result = await adpipe(['env', '--state-dir', tempStateDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no embedded stack is running from .*adpipe services/);
  });
});
