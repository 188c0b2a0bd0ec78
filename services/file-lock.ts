import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Options for withFileLock. */
export interface FileLockOptions {
  /** Called once when another live process holds the lock. */
  readonly onWait?: (holderPid: number) => void;
  readonly pollMs?: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Create the lock file holding our pid; false when a live process holds it. */
function tryAcquire(lockPath: string): { acquired: true } | { acquired: false; holder: number } {
  try {
    const fd = fs.openSync(lockPath, 'wx');
    fs.writeSync(fd, String(process.pid));
    fs.closeSync(fd);
    return { acquired: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
  // A lock whose writer died (or that was half written) would block everyone forever.
  if (!Number.isInteger(holder) || !isAlive(holder)) {
    fs.rmSync(lockPath, { force: true });
    return tryAcquire(lockPath);
  }
  return { acquired: false, holder };
}

/**
 * Run fn while holding an exclusive lock file (pid inside), waiting for a live
 * holder to finish; a lock left by a dead process is taken over.
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  let told = false;
  for (;;) {
    const attempt = tryAcquire(lockPath);
    if (attempt.acquired) break;
    if (!told) options.onWait?.(attempt.holder);
    told = true;
    await sleep(options.pollMs ?? 1000);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}
