import fs from 'node:fs';
import path from 'node:path';
import { withFileLock } from './file-lock.ts';
import { goInstall } from './temporal-cli-build.ts';

export { buildFailureMessage, TemporalCliError, temporalCliVersion } from './temporal-cli-build.ts';

/** Options for ensureTemporalCli. */
export interface EnsureTemporalCliOptions {
  /** Cache directory (outside the repo); the binary goes to `<cacheDir>/bin/temporal`. */
  readonly cacheDir: string;
  readonly log: (message: string) => void;
  readonly env?: NodeJS.ProcessEnv;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** First `name` on PATH that is an executable file. */
export function findOnPath(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  return envPath
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find(isExecutable);
}

/** Where a built Temporal CLI is cached. */
export function cachedTemporalCliPath(cacheDir: string): string {
  return path.join(cacheDir, 'bin', 'temporal');
}

/**
 * Path of a Temporal CLI: on PATH, else cached, else built with `go install`
 * (minutes; one builder at a time across processes, others wait for it).
 */
export async function ensureTemporalCli(options: EnsureTemporalCliOptions): Promise<string> {
  const env = options.env ?? process.env;
  const onPath = findOnPath('temporal', env.PATH);
  if (onPath) return onPath;
  const cached = cachedTemporalCliPath(options.cacheDir);
  if (isExecutable(cached)) return cached;
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  const lock = path.join(options.cacheDir, 'temporal-build.lock');
  return withFileLock(
    lock,
    async () => {
      if (isExecutable(cached)) return cached; // built by the process we waited for
      await goInstall(cached, options.log, env);
      return cached;
    },
    { onWait: (pid) => options.log(`Another process (pid ${pid}) is building the Temporal CLI; waiting for it…`) },
  );
}
