import type { Command } from 'commander';
import { z } from 'zod';
import { mustBe } from '../../core/inputs/fields.ts';
import { insertHistory } from '../../generator/index.ts';
import { withPgTransaction } from '../../lib/postgres/transaction.ts';
import { withFlagNames } from '../flag-names.ts';
import { withDatabase } from '../handlers/open-database.ts';
import { createProgressBar } from '../progress-bar.ts';
import { decimal, flagParser, intFlag, ratioFlag, seedFlag } from './flag-parsers.ts';
import { seedNote } from './generator-output.ts';

const out = (text: string) => void process.stdout.write(text);

/** A decimal flag; its range is insertHistory's, named by its flag through withFlagNames. */
const decimalFlag = (flag: string) => flagParser(flag, z.number(mustBe('a number')), decimal);

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
      const history = (tx: Parameters<typeof insertHistory>[0]) => withFlagNames(() => insertHistory(tx, { ...o, onProgress: progress.listener }));
      const result = await withDatabase((pool) => withPgTransaction(pool, history)).finally(progress.stop);
      if (o.json) out(`${JSON.stringify(result, null, 2)}\n`);
      else {
        out(`Created ${result.plan.profiles.length} campaigns with ${result.impressions.toLocaleString('en-US')} impressions and ` +
          `${result.clicks.toLocaleString('en-US')} clicks over ${result.plan.firstDay}..${result.lastDay} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
          `${seedNote(result.seed)}\n`);
      }
    });
}
