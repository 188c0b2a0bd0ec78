// UTC calendar days as YYYY-MM-DD text. No Node imports: workflow code uses this too.

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

/** Days since 1970-01-01 of a real calendar day written YYYY-MM-DD, else undefined. */
export function parseDay(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = dayPattern.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2026-02-30 over to March: a round trip catches days that do not exist.
  return formatDay(ms / msPerDay) === text ? ms / msPerDay : undefined;
}

/** YYYY-MM-DD of a day number (days since 1970-01-01). */
export function formatDay(dayNumber: number): string {
  return new Date(dayNumber * msPerDay).toISOString().slice(0, 10);
}

/** The UTC day of a timestamp in milliseconds. */
export function utcDay(nowMs: number): string {
  return formatDay(Math.floor(nowMs / msPerDay));
}

/** Every day from `from` to `to`, inclusive (both already valid). */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = parseDay(from)!; d <= parseDay(to)!; d++) days.push(formatDay(d));
  return days;
}

