import type { Command } from 'commander';
import { resolveDatabaseUrl } from '../handlers/open-database.ts';
import { intFlag } from './flag-parsers.ts';
import { lazyFn } from '../lazy-fn.ts';

const runMigrate = lazyFn(() => import('../handlers/migrate.ts'), 'runMigrate');

/** Registers OLTP database commands: `adpipe migrate`. */
export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending PostgreSQL migrations (adopts an existing task database)')
    .option('--down', 'revert migrations instead (one unless --count)')
    .option('--count <n>', 'number of migrations to apply or revert', intFlag('--count', 1))
    .option('--json', 'print the result as JSON')
    .action(async (o: { down?: boolean; count?: number; json?: boolean }) => {
      const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
      const log = verbose ? (m: string) => void process.stderr.write(`${m}\n`) : undefined;
      const result = await runMigrate({ databaseUrl: resolveDatabaseUrl(), down: o.down === true, count: o.count, log });
      if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else if (result.ran.length === 0) process.stdout.write('Nothing to migrate.\n');
      else process.stdout.write(`${result.direction === 'up' ? 'Applied' : 'Reverted'}: ${result.ran.join(', ')}\n`);
    });
}
