import { Option, type Command } from 'commander';
import type { GenerateNewDataInput } from '../../workflows/generate/generate-new-data.ts';
import { pipelineTables, isPipelineTable } from '../../core/tables.ts';
import { UsageError } from '../../lib/errors.ts';
import { generatorFlag, maxSleepFlag } from './generate-new-data-flags.ts';
import { intFlag, seedFlag } from './generator-flags.ts';
import { lazyFn } from '../lazy-fn.ts';
import { parseWorkflowName } from '../workflow-names.ts';

const runStatus = lazyFn(() => import('../handlers/status.ts'), 'runStatus');
const runUp = lazyFn(() => import('../handlers/up.ts'), 'runUp');
const runVerify = lazyFn(() => import('../handlers/verify.ts'), 'runVerify');
const runWorker = lazyFn(() => import('../handlers/worker.ts'), 'runWorker');
const runWorkflowCommand = lazyFn(() => import('../handlers/run-workflow.ts'), 'runWorkflowCommand');

const stdio = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };

/** Registers up, worker, run, verify and status. */
export function registerPipelineCommands(program: Command): void {
  program
    .command('up')
    .description('start everything: embedded stack (unless DATABASE_URL, CLICKHOUSE_URL and TEMPORAL_ADDRESS are set), migrations, a worker, the initial load')
    .option('--state-dir <dir>', 'embedded stack state directory (ADPIPE_STATE_DIR)')
    .action(async (opts: { stateDir?: string }) => runUp(opts, stdio));

  program
    .command('worker')
    .description('run a worker for adpipe\'s workflows and activities on task queue ADPIPE_TASK_QUEUE (default "adpipe")')
    .action(async () => runWorker(stdio));

  program
    .command('run')
    .description('start a workflow and wait for its result')
    .argument('<workflow>', 'initial-load | track-deltas | generate-new-data')
    .option('--range-size <n>', 'initial-load: ids per range', intFlag('--range-size', 1))
    .option('--parallelism <n>', 'initial-load: ranges loaded at once', intFlag('--parallelism', 1))
    .option('--load-id <id>', 'initial-load: name of the load (a re-run with the same id resumes it)')
    .option('--tables <list>', `track-deltas: comma-separated subset of ${pipelineTables.join(',')}`)
    .option('--max-sleep-seconds <n>', 'generate-new-data: upper bound of the random sleep (default 120)', maxSleepFlag)
    .option('--seed <n>', 'generate-new-data: repeat the same sleep and choices', seedFlag)
    .option('--generator <kind>', 'generate-new-data: advertiser | campaign | impressions | clicks instead of a random one', generatorFlag)
    .action(async (name: string, opts: { rangeSize?: number; parallelism?: number; loadId?: string; tables?: string } & GenerateNewDataInput) => {
      const workflow = parseWorkflowName(name);
      const tables = opts.tables?.split(',').map((t) => t.trim());
      const bad = tables?.find((t) => !isPipelineTable(t));
      if (bad !== undefined) throw new UsageError(`--tables: unknown table "${bad}"; expected some of ${pipelineTables.join(', ')}`, '--tables');
      const input = workflow === 'initial-load'
        ? { rangeSize: opts.rangeSize, parallelism: opts.parallelism, loadId: opts.loadId }
        : workflow === 'generate-new-data'
          ? { maxSleepSeconds: opts.maxSleepSeconds, seed: opts.seed, generator: opts.generator }
          : { tables: tables as typeof pipelineTables[number][] | undefined };
      await runWorkflowCommand(workflow, input, stdio.out);
    });

  program
    .command('verify')
    .description('compare the ClickHouse reports with PostgreSQL per campaign and day; exit 1 when they differ')
    .option('--json', 'machine-readable output')
    .addOption(new Option('--limit <n>', 'differences to print').argParser(intFlag('--limit', 1)).default(50))
    .action(async (opts: { json?: boolean; limit: number }) => {
      if (!(await runVerify(opts, stdio))) process.exitCode = 1;
    });

  program
    .command('status')
    .description('watermarks and rows not yet replicated, per table')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => runStatus(opts, stdio));
}
