import type { Command } from 'commander';
import type { BackfillFlags } from '../handlers/backfill-input.ts';
import type { ReportFlags } from '../handlers/report.ts';
import { lazyFn } from '../lazy-fn.ts';

// Handlers (Temporal, ClickHouse, PostgreSQL clients) load only when their command runs.
const runBackfill = lazyFn(() => import('../handlers/backfill.ts'), 'runBackfill');
const runReport = lazyFn(() => import('../handlers/report.ts'), 'runReport');

const stdio = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };

const backfillHelp = `
Re-extracts every impression and click of the UTC days --from..--to (inclusive) from
PostgreSQL, removes from ClickHouse what PostgreSQL no longer has, refreshes advertisers
and campaigns, and rebuilds the reports of those days. Safe next to the scheduled
trackDeltas runs. One child workflow per day, --concurrency at a time (default 4).

Examples:
  adpipe backfill --from 2026-11-01 --to 2026-11-07
  adpipe backfill --from 2026-11-01 --to 2026-11-01 --campaign 42
  adpipe backfill --attach backfill-2026-11-01-2026-11-07     (after the CLI was stopped)
`;

/** Registers `backfill` and `report`. */
export function registerOperationsCommands(program: Command): void {
  program
    .command('backfill')
    .description('re-extract and rebuild a range of UTC days, showing progress')
    .option('--from <day>', 'first day, YYYY-MM-DD (UTC)')
    .option('--to <day>', 'last day, YYYY-MM-DD (UTC), inclusive; not in the future')
    .option('--campaign <id>', 'only this campaign')
    .option('--concurrency <n>', 'days backfilled at once, 1-16 (default 4)')
    .option('--attach <workflowId>', 'follow a backfill already started instead of starting one')
    .option('--json', 'print the result as JSON (progress goes to stderr)')
    .addHelpText('after', backfillHelp)
    .action(async (flags: BackfillFlags) => {
      await runBackfill(flags, stdio);
    });

  program
    .command('report')
    .description('print a KPI report from ClickHouse: totals (per campaign) or daily (per campaign and day)')
    .argument('<report>', 'totals | daily')
    .option('--from <day>', 'first day, YYYY-MM-DD (totals: sums the daily report from here)')
    .option('--to <day>', 'last day, YYYY-MM-DD, inclusive')
    .option('--campaign <id>', 'only this campaign')
    .option('--json', 'JSON: counts as numbers, money as exact decimal strings')
    .option('--csv', 'CSV with a header row')
    .action(async (kind: string, flags: ReportFlags) => {
      await runReport(kind, flags, stdio);
    });
}
