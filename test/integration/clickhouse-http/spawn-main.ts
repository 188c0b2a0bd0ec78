import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { clickhouseServiceEntry } from '../../../services/embedded-clickhouse.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** @adpipe/chdb-http's main.ts running as a child process. */
export interface MainProcess {
  readonly child: ChildProcess;
  /** Resolves with the URL of the `{"listening": ...}` line, or rejects if the process exits first. */
  readonly listening: Promise<string>;
  /** Resolves with the exit code once the process is gone. */
  readonly exited: Promise<number | null>;
  stderr(): string;
}

/** Start main.ts the way the stack orchestrator does. */
export function spawnMain(args: readonly string[], env: NodeJS.ProcessEnv = {}): MainProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', clickhouseServiceEntry(), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { listening: string }).listening);
      } catch {
        reject(new Error(`unexpected first stdout line: ${line}`));
      }
    });
    void exited.then((code) => reject(new Error(`main.ts exited with ${code} before listening:\n${stderr}`)));
  });
  listening.catch(() => {});
  return { child, listening, exited, stderr: () => stderr };
}
