import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import type { Watchdog } from './watchdog.ts';

/** A started server: its pid and how to stop it. */
export interface ServiceHandle {
  readonly name: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** How a child process ended. */
export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A server run as a child process in its own process group, output to a log file. */
export interface ChildService extends ServiceHandle {
  readonly child: ChildProcess;
  readonly exited: Promise<ExitStatus>;
  hasExited(): boolean;
  /** Last lines of its output, for error messages. */
  tail(): string;
}

/** What to run for spawnService. */
export interface SpawnServiceOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly logFile: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly stopSignal?: NodeJS.Signals;
  readonly stopTimeoutMs?: number;
  readonly onStdoutLine?: (line: string) => void;
  /** Registers the process group so it dies with us even if we are killed. */
  readonly watchdog?: Watchdog | undefined;
}

/**
 * Spawn a server detached into its own process group, so stop() takes down
 * anything it forked and a terminal Ctrl-C reaches only us (we stop it in order).
 */
export function spawnService(options: SpawnServiceOptions): ChildService {
  const logStream = fs.createWriteStream(options.logFile, { flags: 'a' });
  const lines: string[] = [];
  const record = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
    logStream.write(`${line}\n`);
  };
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stopSignal = options.stopSignal ?? 'SIGTERM';
  if (child.pid !== undefined) options.watchdog?.watch(child.pid, stopSignal, true);
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    record(line);
    options.onStdoutLine?.(line);
  });
  readline.createInterface({ input: child.stderr! }).on('line', record);
  let status: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (status !== undefined) return;
      status = { code, signal };
      if (child.pid !== undefined) options.watchdog?.unwatch(child.pid);
      logStream.end();
      resolve(status);
    };
    child.once('error', (err) => {
      record(`${options.name}: ${err.message}`);
      if (child.pid === undefined) finish(null, null); // never started: no 'close' to wait for
    });
    child.once('close', finish);
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid ?? 0), signal);
    } catch {
      // already gone
    }
  };
  return {
    name: options.name,
    pid: child.pid ?? -1,
    child,
    exited,
    hasExited: () => status !== undefined || child.pid === undefined,
    tail: () => lines.join('\n'),
    async stop() {
      if (status !== undefined || child.pid === undefined) return;
      signalGroup(stopSignal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), options.stopTimeoutMs ?? 15_000);
      await exited;
      clearTimeout(timer);
      signalGroup('SIGKILL'); // anything it forked and left behind
    },
  };
}
