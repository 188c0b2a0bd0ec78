import type { Command } from 'commander';
import { insertHistory } from '../../generator/index.ts';
import { UsageError } from '../../lib/errors.ts';
import { withPgTransaction } from '../../lib/postgres/transaction.ts';
import { withDatabase } from '../handlers/open-database.ts';
import { createProgressBar } from '../progress-bar.ts';
import { intFlag, ratioFlag, seedFlag } from './generator-flags.ts';
import { seedNote } from './generator-output.ts';

const out = (text: string) => void process.stdout.write(text);

/** A decimal flag; its range is checked by insertHistory, which names the flag too. */
function decimalFlag(flag: string): (text: string) => number {
  return (text) => {
    if (!/^\+?(\d+\.?\d*|\.\d+)$/.test(text)) throw new UsageError(`${flag} must be a number, got "${text}"`, flag);
    return Number(text);
  };
}

/** Registers `history`: weeks of realistic traffic to forecast from. */
export function registerHistoryCommand(program: Command): void {
  program
    .command('history')
    .description('generate weeks of realistic traffic: weekday and hour-of-day shape, trends, noise, users with country/device/age band')
    .option('--campaigns <n>', 'campaigns to create', intFlag('--campaigns', 1, 10_000), 20)
    .option('--days <n>', 'complete UTC days of history, ending yesterday', intFlag('--days', 1, 3_650), 60)
    .option('--advertisers <n>', 'advertisers owning them (default: one per four campaigns)', intFlag('--advertisers', 1))
    .option('--ctr <r>', 'share of impressions clicked, 0..1', ratioFlag('--ctr'), 0.02)
    .option('--noise <sigma>', 'day-to-day log-normal noise, 0..2', decimalFlag('--noise'), 0.15)
    .option('--scale <x>', 'multiplies every base rate (1 = 200–2,000 impressions a day)', decimalFlag('--scale'), 1)
    .option('--seed <n>', 'seed for reproducible data (printed after every run)', seedFlag)
    .option('--json', 'print the result (with every campaign\'s true rate parameters) as JSON')
    .action(async (o: { campaigns: number; days: number; advertisers?: number; ctr: number; noise: number; scale: number; seed?: number; json?: boolean }) => {
      const progress = createProgressBar(!o.json);
      const started = Date.now();
      const result = await withDatabase((pool) => withPgTransaction(pool, (tx) => insertHistory(tx, { ...o, onProgress: progress.listener }))).finally(progress.stop);
      if (o.json) out(`${JSON.stringify(result, null, 2)}\n`);
      else {
        out(`Created ${result.plan.profiles.length} campaigns with ${result.impressions.toLocaleString('en-US')} impressions and ` +
          `${result.clicks.toLocaleString('en-US')} clicks over ${result.plan.firstDay}..${result.lastDay} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
          `${seedNote(result.seed)}\n`);
      }
    });
}
