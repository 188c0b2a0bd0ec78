import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * Runs in its own process (session) and reads "+pid signal group" / "-pid" lines
 * from a pipe. When the pipe closes — the parent stopped normally, or died of
 * anything, SIGKILL included — it signals whatever is still registered and, ten
 * seconds later, SIGKILLs what survived. This is how the embedded servers die
 * with the process that started them, which Node cannot promise by itself.
 */
const watchdogScript = `
const targets = new Map();
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  let i;
  while ((i = buffered.indexOf('\\n')) >= 0) {
    const [head, signal, group] = buffered.slice(0, i).split(' ');
    buffered = buffered.slice(i + 1);
    const pid = Number(head.slice(1));
    if (head[0] === '+') targets.set(pid, { signal, group: group === '1' });
    if (head[0] === '-') targets.delete(pid);
  }
});
const send = (pid, t, signal) => { try { process.kill(t.group ? -pid : pid, signal); } catch {} };
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
process.stdin.on('end', () => {
  for (const [pid, t] of targets) send(pid, t, t.signal);
  const started = Date.now();
  const timer = setInterval(() => {
    for (const pid of targets.keys()) if (!alive(pid)) targets.delete(pid);
    if (targets.size > 0 && Date.now() - started < 10000) return;
    for (const [pid, t] of targets) send(pid, t, 'SIGKILL');
    clearInterval(timer);
  }, 200);
});
`;

/** Registry of processes to take down if this process goes away without stopping them. */
export interface Watchdog {
  readonly pid: number;
  /** Signal `pid` (its whole process group when `group`) if we die first. */
  watch(pid: number, signal: NodeJS.Signals, group: boolean): void;
  /** `pid` was stopped cleanly; forget it. */
  unwatch(pid: number): void;
  /** Let the watchdog exit; whatever is still watched gets signalled. */
  close(): void;
}

/** Start a watchdog process bound to this one by a pipe. */
export function startWatchdog(): Watchdog {
  const child = spawn(process.execPath, ['-e', watchdogScript], {
    detached: true, // own session: a Ctrl-C in the terminal must not kill it before the others
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const pipe = child.stdin as Socket;
  // Neither the process nor the pipe may keep our event loop alive.
  child.unref();
  pipe.unref();
  pipe.on('error', () => {}); // the watchdog died: nothing useful to do about it
  return {
    pid: child.pid ?? -1,
    watch: (pid, signal, group) => void pipe.write(`+${pid} ${signal} ${group ? 1 : 0}\n`),
    unwatch: (pid) => void pipe.write(`-${pid}\n`),
    close: () => void pipe.end(),
  };
}
