// The UTC calendar: days written YYYY-MM-DD, the only zone adpipe reads and writes.
// No Node imports: workflow code uses this too. One name per operation, used everywhere.

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

/** Whether a value is a real calendar day written YYYY-MM-DD. */
export function isDay(text: unknown): text is string {
  return parseDay(text) !== undefined;
}

/** YYYY-MM-DD of a day number (days since 1970-01-01). */
export function formatDay(dayNumber: number): string {
  return new Date(dayNumber * msPerDay).toISOString().slice(0, 10);
}

/** The UTC day of an instant (a Date or epoch milliseconds). */
export function utcDay(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return formatDay(Math.floor(ms / msPerDay));
}

/** A day plus (or minus) whole days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * msPerDay).toISOString().slice(0, 10);
}

/** Whole days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay);
}

/** Day of the week, 0 = Sunday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Every day from `from` to `to`, inclusive (both already valid). */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = parseDay(from)!; d <= parseDay(to)!; d++) days.push(formatDay(d));
  return days;
}
