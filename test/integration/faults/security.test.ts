import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { WorkflowHandle } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultPipeline, type FaultPipeline } from '../../faults/support/fault-pipeline.ts';
import { startPrivateStack, type PrivateStack } from '../../faults/support/private-stack.ts';
import type { WorkerProcess } from '../../faults/support/worker-process.ts';

const run = promisify(execFile);
const log = (m: string) => console.log(`[security] ${m}`);
const secret = () => `pw-${randomBytes(12).toString('hex')}`;
const clickhousePassword = secret();

/** A documented role script, with its role name and password replaced. */
function roleSql(file: string, role: string, password: string): string {
  const text = fs.readFileSync(path.join(import.meta.dirname, '../../../docs/sql', file), 'utf8');
  const name = file === 'extract-role.sql' ? 'adpipe_extract' : 'adpipe_writer';
  return text.replaceAll(name, role).replace(`'change-me'`, `'${password}'`);
}

async function asUser(url: string, fn: (c: pg.Client) => Promise<void>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}

const userUrl = (url: string, user: string, password: string) => {
  const u = new URL(url);
  [u.username, u.password] = [user, password];
  return u.toString();
};

describe('security basics', () => {
  let stack: PrivateStack;
  let p: FaultPipeline;
  let worker: WorkerProcess;
  const extract = { role: 'extract_role', password: secret() };
  const writer = { role: 'writer_role', password: secret() };
  let extractUrl: string;
  let writerUrl: string;
  const handles: WorkflowHandle[] = [];
  const execute = async (workflow: string, input: object) => {
    const h = await p.client.workflow.start(workflow, { taskQueue: p.taskQueue, workflowId: `${workflow}-${randomUUID()}`, args: [input] });
    handles.push(h);
    return h;
  };

  beforeAll(async () => {
    stack = await startPrivateStack(log, { clickhousePassword });
    p = await createFaultPipeline(stack.addresses, 'security');
    await asUser(p.databaseUrl, async (c) => {
      await c.query(roleSql('extract-role.sql', extract.role, extract.password));
      await c.query(roleSql('writer-role.sql', writer.role, writer.password));
    });
    extractUrl = userUrl(p.databaseUrl, extract.role, extract.password);
    writerUrl = userUrl(p.databaseUrl, writer.role, writer.password);
  });
  afterAll(async () => {
    await p?.close();
    await stack?.close();
  });

  it('the embedded ClickHouse listens on loopback only and wants the configured password', async () => {
    const url = new URL(stack.addresses.clickhouseUrl);
    expect(url.hostname).toBe('127.0.0.1');
    const ask = (headers: Record<string, string>) => fetch(new URL('/?query=SELECT%201', url), { headers });
    expect((await ask({})).status).not.toBe(200);
    expect(await (await ask({})).text()).toMatch(/REQUIRED_PASSWORD|password is required/);
    expect(await (await ask({ 'X-ClickHouse-User': 'default', 'X-ClickHouse-Key': 'wrong' })).text()).toMatch(/AUTHENTICATION_FAILED/);
    const ok = await ask({ 'X-ClickHouse-User': 'default', 'X-ClickHouse-Key': clickhousePassword });
    expect([ok.status, (await ok.text()).trim()]).toEqual([200, '1']);
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(fetch(`http://${external.address}:${url.port}/ping`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
    }
  });

  it('writers need only table privileges; the extracting role only the documented grants', async () => {
    await asUser(writerUrl, async (c) => {
      await c.query(`INSERT INTO advertiser (name) VALUES ('w')`);
      await c.query(`INSERT INTO campaign (name, bid, budget, advertiser_id) SELECT 'c' || g, 1.50, 100.00, (SELECT max(id) FROM advertiser) FROM generate_series(1, 3) g`);
      await c.query(`INSERT INTO impressions (campaign_id, created_at) SELECT 1 + g % 3, timestamp '2026-11-20' + g * interval '1 minute' FROM generate_series(1, 3000) g`);
      await c.query(`INSERT INTO clicks (campaign_id, created_at) SELECT 1 + g % 3, timestamp '2026-11-20' + g * interval '7 minutes' FROM generate_series(1, 150) g`);
    });
    worker = p.startWorker({ DATABASE_URL: extractUrl });
    await worker.ready;
    await (await execute('initialLoad', { generateIfEmpty: false })).result();
    await asUser(writerUrl, async (c) => {
      await c.query(`UPDATE campaign SET bid = 2.25 WHERE id = 2`);
      await c.query(`DELETE FROM clicks WHERE id <= 10`); // logged by trigger, as their owner
      await c.query(`UPDATE impressions SET created_at = created_at - interval '3 days' WHERE id <= 50`);
      await c.query(`TRUNCATE impressions`);
      await c.query(`INSERT INTO impressions (campaign_id, created_at) VALUES (1, '2026-11-22 10:00:00')`);
    });
    const run1 = await (await execute('trackDeltas', {})).result() as { loads: { table: string; tombstones: number }[] };
    expect(run1.loads.find((l) => l.table === 'impressions')!.tombstones).toBe(3050); // 3000 truncated + 50 moved
    expect((await p.verify()).differences).toEqual([]);
    await asUser(extractUrl, async (c) => {
      await expect(c.query(`INSERT INTO impressions (campaign_id) VALUES (1)`)).rejects.toMatchObject({ code: '42501' });
      await expect(c.query(`DELETE FROM adpipe.deleted_rows`)).rejects.toMatchObject({ code: '42501' });
    });
  });

  it('no credential shows in worker logs, workflow histories (failures included), status or verify', async () => {
    // A source table the role may not read: a clear, non-retryable failure naming role and table.
    await asUser(p.databaseUrl, (c) => c.query(`REVOKE SELECT ON clicks FROM ${extract.role}`).then(() => {}));
    await expect((await execute('trackDeltas', {})).result()).rejects.toMatchObject({
      cause: { cause: { type: 'SourcePermissionDenied', message: `role ${extract.role} may not SELECT clicks; grant what docs/security.md lists` } },
    });
    await asUser(p.databaseUrl, (c) => c.query(`GRANT SELECT ON clicks TO ${extract.role}`).then(() => {}));
    // A failing pull inside ClickHouse (postgresql() gets the password): its error travels
    // into the activity's failure, the worker's log and the UI, and is retried.
    await asUser(p.databaseUrl, (c) => c.query(`REVOKE SELECT ON adpipe.campaign_load FROM ${extract.role}`).then(() => {}));
    await asUser(writerUrl, (c) => c.query(`INSERT INTO clicks (campaign_id, created_at) VALUES (1, '2026-11-22 10:00:01')`).then(() => {}));
    const failing = await execute('trackDeltas', {});
    let lastFailure = '';
    for (let i = 0; i < 60 && lastFailure === ''; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const d = await failing.describe();
      lastFailure = d.raw.pendingActivities?.find((a) => a.lastFailure)?.lastFailure?.message ?? '';
    }
    expect(lastFailure).toMatch(/permission denied/i);
    await asUser(p.databaseUrl, (c) => c.query(`GRANT SELECT ON adpipe.campaign_load TO ${extract.role}`).then(() => {}));
    await failing.result();
    const env = { ...process.env, ...p.env, DATABASE_URL: extractUrl };
    const cli = async (...args: string[]) => {
      const r = await run(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], { cwd: path.join(import.meta.dirname, '../../..'), env }).catch((e: { stdout: string; stderr: string }) => e);
      return `${r.stdout}\n${r.stderr}`;
    };
    const outputs = [await cli('status'), await cli('status', '--json'), await cli('verify'), await cli('verify', '--json')];
    expect(outputs[2]).toMatch(/Reports match PostgreSQL exactly/);
    const histories = await Promise.all(handles.map(async (h) => JSON.stringify(await h.fetchHistory())));
    const logs = fs.readdirSync(p.logDir).map((f) => fs.readFileSync(path.join(p.logDir, f), 'utf8'));
    const adminPassword = decodeURIComponent(new URL(stack.addresses.databaseUrl).password);
    const everything = [lastFailure, ...outputs, ...histories, ...logs].join('\n');
    log(`checked ${everything.length} characters: ${outputs.length} CLI outputs, ${histories.length} histories, ${logs.length} worker logs`);
    for (const s of [extract.password, writer.password, clickhousePassword, adminPassword]) expect(everything).not.toContain(s);
    log(`the retried pull's failure, as the UI shows it: ${lastFailure.slice(0, 240)}`);
    expect(everything).toMatch(/permission denied/); // the check looks at real text, failures included
    expect(outputs[1]).toMatch(/"watermark"|"tables"/);
  });
});
