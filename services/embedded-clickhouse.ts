import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnService, type ChildService, type ServiceHandle } from './child-service.ts';
import { stateLayout } from './state-dir.ts';
import type { Watchdog } from './watchdog.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * main.ts of the workspace package @adpipe/chdb-http (ClickHouse's HTTP interface over chdb).
 * Resolved on use, not at import: production installs leave the package out.
 */
export function clickhouseServiceEntry(): string {
  try {
    return createRequire(import.meta.url).resolve('@adpipe/chdb-http/main');
  } catch (err) {
    throw new Error('the embedded ClickHouse (@adpipe/chdb-http, with chdb) is not installed: run `npm install` ' +
      `in the repository, or point CLICKHOUSE_URL at a ClickHouse server (${(err as Error).message})`);
  }
}

/** Options for startEmbeddedClickHouse. */
export interface EmbeddedClickHouseOptions {
  readonly stateDir: string;
  readonly port: number;
  readonly password?: string;
  /** Only to run another implementation of the same contract. */
  readonly entry?: string;
  readonly readyTimeoutMs?: number;
  readonly watchdog?: Watchdog | undefined;
}

/** A running embedded ClickHouse (HTTP interface). */
export interface EmbeddedClickHouse extends ServiceHandle {
  readonly url: string;
}

/**
 * Run the ClickHouse HTTP service as a child process with data in
 * `<stateDir>/clickhouse`: libchdb locks its data directory to one process, so
 * every client talks to this one over HTTP. Ready when it prints its address.
 */
export async function startEmbeddedClickHouse(options: EmbeddedClickHouseOptions): Promise<EmbeddedClickHouse> {
  const layout = stateLayout(options.stateDir);
  fs.mkdirSync(layout.logs, { recursive: true });
  let announce: (url: string) => void = () => {};
  const announced = new Promise<string>((resolve) => (announce = resolve));
  const service = spawnService({
    name: 'clickhouse',
    command: process.execPath,
    // cwd is the repo so `--import tsx` resolves whatever directory the CLI was run from
    args: ['--import', 'tsx', options.entry ?? clickhouseServiceEntry(), '--data-dir', layout.clickhouseData,
      '--port', String(options.port), '--host', '127.0.0.1'],
    cwd: repoRoot,
    env: { ...process.env, CLICKHOUSE_PASSWORD: options.password ?? '' },
    watchdog: options.watchdog,
    logFile: layout.log('clickhouse'),
    onStdoutLine: (line) => {
      const url = parseListening(line);
      if (url) announce(url);
    },
  });
  try {
    const url = await readyOrFail(service, announced, options.readyTimeoutMs ?? 120_000);
    return { name: service.name, pid: service.pid, url, stop: () => service.stop() };
  } catch (err) {
    await service.stop();
    throw err;
  }
}

/** The URL in a `{"listening":"http://…"}` line, if that is what the line is. */
export function parseListening(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = (JSON.parse(line) as { listening?: unknown }).listening;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

async function readyOrFail(service: ChildService, announced: Promise<string>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`ClickHouse did not answer within ${timeoutMs / 1000}s:\n${service.tail()}`)), timeoutMs);
  });
  const exited = service.exited.then((s) => {
    throw new Error(`ClickHouse exited (${s.signal ?? `code ${s.code}`}) before it was ready:\n${service.tail()}`);
  });
  try {
    const url = await Promise.race([announced, exited, timeout]);
    const ping = await fetch(new URL('/ping', url));
    if (!ping.ok) throw new Error(`ClickHouse at ${url} answered /ping with HTTP ${ping.status}`);
    return url;
  } finally {
    clearTimeout(timer);
    exited.catch(() => {}); // it may still exit later; that is stop()'s business
  }
}
