import { spawn } from 'node:child_process';

/**
 * Every chdb call occupies a libuv worker thread for its whole run, and Node starts only 4,
 * shared with zlib and fs: four long INSERT ... SELECTs would stall every other request.
 * The pool size is read once, before any script runs (tsx's loader already uses the pool),
 * so it can only be raised by starting Node again with UV_THREADPOOL_SIZE set.
 *
 * Returns the relaunched child's exit code, or undefined when this process should serve
 * (the variable is already set, by the caller or by an earlier relaunch). The parent only
 * relays: stdio is shared, signals are forwarded, and the child stops if the parent dies.
 */
export function relaunchWithThreadPool(size: number): Promise<number> | undefined {
  if (process.env.UV_THREADPOOL_SIZE) return undefined;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, UV_THREADPOOL_SIZE: String(size) },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 0 : 1)));
    child.on('error', (err) => {
      process.stderr.write(`chdb-http: cannot relaunch: ${err.message}\n`);
      resolve(1);
    });
  });
}

/** In a relaunched child: call `stop` when the parent goes away, even by SIGKILL. */
export function stopWithParent(stop: () => void): void {
  if (process.send === undefined) return;
  process.on('disconnect', stop);
  process.channel?.unref(); // the channel alone must not keep the process alive
}
