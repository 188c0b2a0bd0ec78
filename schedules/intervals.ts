import { UsageError } from '../lib/errors.ts';

const unitMs = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof unitMs;

/** Temporal schedules fire at whole seconds; a year is a sane upper bound. */
const limits = { min: 1_000, max: 366 * unitMs.d } as const;

/**
 * Parse an interval like "90s", "5m", "2h" or "1d" (a whole number and one unit) into
 * milliseconds; `field` names the flag or variable in the error.
 */
export function parseInterval(text: string, field: string): number {
  const match = /^\s*(\d+)\s*([smhd])\s*$/.exec(text);
  if (!match) {
    throw new UsageError(`${field} must be a whole number followed by s, m, h or d (e.g. 5m), got ${JSON.stringify(text)}`, field);
  }
  const ms = Number(match[1]) * unitMs[match[2] as Unit];
  if (ms < limits.min || ms > limits.max) {
    throw new UsageError(`${field} must be between 1s and 366d, got ${JSON.stringify(text)}`, field);
  }
  return ms;
}

/** The shortest exact spelling of an interval: 300000 → "5m", 90000 → "90s". */
export function formatInterval(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms % unitMs[unit] === 0) return `${ms / unitMs[unit]}${unit}`;
  }
  return `${ms}ms`;
}
