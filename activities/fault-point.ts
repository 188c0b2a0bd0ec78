import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../lib/errors.ts';

/**
 * Fault injection for the reliability suites (test/faults), inert unless configured:
 *   ADPIPE_FAULT_POINTS=1        print a line on stdout whenever a point is reached
 *   ADPIPE_FAULT_DELAY_MS=p:ms,… also pause at point p for ms milliseconds ('*' = every
 *                                point), widening the window a test kills the worker in
 * A line reads: `adpipe-fault-point {"point":"loadDelta.rows","table":"clicks","pid":123}`.
 */
export const faultPointPrefix = 'adpipe-fault-point ';

interface FaultSettings {
  readonly announce: boolean;
  readonly delays: ReadonlyMap<string, number>;
}

let settings: FaultSettings | undefined;

/** Parse the two variables; malformed values fail at the first point, naming the variable. */
export function parseFaultSettings(env: NodeJS.ProcessEnv): FaultSettings {
  const delays = new Map<string, number>();
  for (const item of (env.ADPIPE_FAULT_DELAY_MS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = item.lastIndexOf(':');
    const ms = Number(item.slice(at + 1));
    if (at <= 0 || !Number.isInteger(ms) || ms < 0) {
      throw new ConfigError(`ADPIPE_FAULT_DELAY_MS: "${item}" is not <point>:<milliseconds>`, 'ADPIPE_FAULT_DELAY_MS');
    }
    delays.set(item.slice(0, at), ms);
  }
  return { announce: Boolean(env.ADPIPE_FAULT_POINTS) || delays.size > 0, delays };
}

/** Mark a point where a crash must be survivable; announce it and pause when configured. */
export async function faultPoint(point: string, details: Record<string, unknown> = {}): Promise<void> {
  settings ??= parseFaultSettings(process.env);
  if (!settings.announce) return;
  process.stdout.write(`${faultPointPrefix}${JSON.stringify({ point, ...details, pid: process.pid })}\n`);
  const ms = settings.delays.get(point) ?? settings.delays.get('*');
  if (ms !== undefined && ms > 0) await sleep(ms);
}
