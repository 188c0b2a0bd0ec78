import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { faultPointPrefix } from '../../../activities/fault-point.ts';
import type { Watchdog } from '../../../services/watchdog.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A fault point a worker announced (see activities/fault-point.ts). */
export interface ReachedPoint {
  readonly point: string;
  readonly details: Record<string, unknown>;
  readonly at: number;
}

/** `adpipe worker` as a child process, killable like a real deployment's. */
export interface WorkerProcess {
  readonly pid: number;
  /** Resolves once it polls its task queue; rejects if it exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Called for every fault point reached, in order. */
  onPoint(listener: (p: ReachedPoint) => void): void;
  /** Resident set size in MiB (from /proc), or undefined once it is gone. */
  rssMiB(): number | undefined;
  /** SIGKILL: no cleanup, no drain, like a machine that loses power. */
  kill(): Promise<void>;
  /** SIGTERM and wait: the worker drains in-flight tasks and exits. */
  stop(): Promise<void>;
  /** The last lines it printed, for failure messages. */
  tail(): string;
}

/**
 * Start `node --import tsx cli/index.ts worker` with `env` added to ours; output goes to
 * `logFile`. The watchdog SIGKILLs it should the test process die without stopping it.
 */
export function startWorkerProcess(env: Record<string, string>, logFile: string, watchdog: Watchdog): WorkerProcess {
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'worker'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  watchdog.watch(pid, 'SIGKILL', false);
  const lines: string[] = [];
  const listeners: ((p: ReachedPoint) => void)[] = [];
  let markReady: () => void = () => {};
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    void exited.then((s) => reject(new Error(`worker ${pid} exited (${s.signal ?? s.code}) before polling:\n${lines.join('\n')}`)));
  });
  ready.catch(() => {}); // callers that never await it must not see an unhandled rejection
  const record = (line: string) => {
    log.write(`${new Date().toISOString()} ${line}\n`);
    lines.push(line);
    if (lines.length > 30) lines.shift();
    if (line.startsWith('Worker polling')) markReady();
    if (line.startsWith(faultPointPrefix)) {
      const { point, ...details } = JSON.parse(line.slice(faultPointPrefix.length)) as { point: string };
      for (const l of listeners) l({ point, details, at: Date.now() });
    }
  };
  readline.createInterface({ input: child.stdout! }).on('line', record);
  readline.createInterface({ input: child.stderr! }).on('line', (l) => record(`[stderr] ${l}`));
  void exited.then(() => {
    watchdog.unwatch(pid);
    log.end();
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    pid,
    ready,
    exited,
    onPoint: (listener) => void listeners.push(listener),
    rssMiB() {
      try {
        const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        return kb === undefined ? undefined : Number(kb) / 1024;
      } catch {
        return undefined;
      }
    },
    async kill() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
    tail: () => lines.join('\n'),
  };
}
