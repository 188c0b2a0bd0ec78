import type { KillEvent } from './kill-switch.ts';

/** Kills per place, most frequent first, as printable lines. */
export function killSummary(kills: readonly KillEvent[]): string[] {
  const byWhere = new Map<string, number>();
  for (const k of kills) byWhere.set(k.where, (byWhere.get(k.where) ?? 0) + 1);
  return [...byWhere].sort((a, b) => b[1] - a[1]).map(([where, n]) => `${String(n).padStart(3)} × ${where}`);
}

/** Median and worst time from a kill until a new worker resumed work, in seconds. */
export function recoverySummary(kills: readonly KillEvent[]): string {
  const ms = kills.flatMap((k) => (k.recoveryMs === undefined ? [] : [k.recoveryMs])).sort((a, b) => a - b);
  if (ms.length === 0) return 'no recovery measured';
  const s = (v: number) => `${(v / 1000).toFixed(1)}s`;
  return `recovery after a kill: median ${s(ms[Math.floor(ms.length / 2)]!)}, worst ${s(ms[ms.length - 1]!)} (${ms.length} measured)`;
}
