import cliProgress from 'cli-progress';
import type { InsertProgress, ProgressListener } from '../generator/index.ts';

/** Runs smaller than this finish before a bar is worth drawing. */
const MIN_ROWS_FOR_BAR = 50_000;

/** A progress listener plus the stop to call when the run ends (success or not). */
export interface ProgressHandle {
  readonly listener: ProgressListener | undefined;
  stop(): void;
}

/**
 * A bar on stderr per table being written, only when stdout is a terminal (piped or
 * --json output stays clean) and the run is large.
 */
export function createProgressBar(enabled: boolean): ProgressHandle {
  if (!enabled || !process.stdout.isTTY || !process.stderr.isTTY) return { listener: undefined, stop: () => {} };
  let bar: cliProgress.SingleBar | undefined;
  let table: InsertProgress['table'] | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  const listener: ProgressListener = (p) => {
    if (p.table !== table) {
      stop();
      table = p.table;
      if (p.total < MIN_ROWS_FOR_BAR) return;
      bar = new cliProgress.SingleBar(
        { format: `${p.table.padEnd(11)} |{bar}| {percentage}% {value}/{total} rows {eta_formatted}`, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
      bar.start(p.total, p.done);
      return;
    }
    bar?.update(p.done);
  };
  return { listener, stop };
}
