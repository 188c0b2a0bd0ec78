import { Option, type Command } from 'commander';
import { generateNewDataInput } from '../../core/inputs/generate-new-data-input.ts';
import { initialLoadInput } from '../../core/inputs/initial-load-input.ts';
import { trackDeltasInput } from '../../core/inputs/track-deltas-input.ts';
import { pipelineTables } from '../../core/tables.ts';
import { lazyFn } from '../lazy-fn.ts';
import { parseWorkflowName, runnableWorkflows, spellings } from '../workflow-names.ts';
import { intFlag, seedFlag, wholeNumber } from './flag-parsers.ts';
import { fieldFlag } from './input-flags.ts';
import { addRetrainOptions } from './retrain-options.ts';

const runStatus = lazyFn(() => import('../handlers/status.ts'), 'runStatus');
const runUp = lazyFn(() => import('../handlers/up.ts'), 'runUp');
const runVerify = lazyFn(() => import('../handlers/verify.ts'), 'runVerify');
const runWorker = lazyFn(() => import('../handlers/worker.ts'), 'runWorker');
const runWorkflowCommand = lazyFn(() => import('../handlers/run-workflow.ts'), 'runWorkflowCommand');

const stdio = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };

const runHelp = `
Workflows (any spelling: the CLI's, Temporal's or snake_case):
${runnableWorkflows.map((name) => `  ${spellings(name).join(', ')}`).join('\n')}
Each flag applies to the workflow its description names; the result is printed as JSON.
`;

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

  const run = program
    .command('run')
    .description('start a workflow and wait for its result')
    .argument('<workflow>', runnableWorkflows.join(' | '))
    .option('--range-size <n>', 'initial-load: ids per range (at least 1000)', fieldFlag(initialLoadInput, 'rangeSize', wholeNumber))
    .option('--parallelism <n>', 'initial-load: ranges loaded at once, 1-32', fieldFlag(initialLoadInput, 'parallelism', wholeNumber))
    .option('--load-id <id>', 'initial-load: name of the load (a re-run with the same id resumes it)', fieldFlag(initialLoadInput, 'loadId'))
    .option('--tables <list>', `track-deltas: comma-separated subset of ${pipelineTables.join(',')}`,
      fieldFlag(trackDeltasInput, 'tables', (t) => t.split(',').map((s) => s.trim())))
    .option('--max-sleep-seconds <n>', 'generate-new-data: upper bound of the random sleep (default 120)', fieldFlag(generateNewDataInput, 'maxSleepSeconds', wholeNumber))
    .option('--seed <n>', 'generate-new-data: repeat the same sleep and choices; retrain-forecast: seed of the training-row sample', seedFlag)
    .option('--generator <kind>', 'generate-new-data: advertiser | campaign | impressions | clicks instead of a random one', fieldFlag(generateNewDataInput, 'generator'));
  addRetrainOptions(run, 'retrain-forecast: ');
  run
    .addHelpText('after', runHelp)
    .action(async (name: string, opts: Record<string, unknown>) => runWorkflowCommand(parseWorkflowName(name), opts, stdio));

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
