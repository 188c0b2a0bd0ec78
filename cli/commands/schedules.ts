import type { Command } from 'commander';
import { scheduleDefinitions, type ScheduleId } from '../../schedules/definitions.ts';
import { lazyFn } from '../lazy-fn.ts';

const handlers = () => import('../handlers/schedules/run-schedules.ts');
const schedulesApply = lazyFn(handlers, 'schedulesApply');
const schedulesList = lazyFn(handlers, 'schedulesList');
const schedulesPause = lazyFn(handlers, 'schedulesPause');
const schedulesTrigger = lazyFn(handlers, 'schedulesTrigger');

const stdio = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
const ids = scheduleDefinitions.map((d) => d.id).join(' | ');

const applyHelp = `
Intervals: a whole number and a unit (s, m, h, d). A flag overrides its variable, which overrides the default:
${scheduleDefinitions.map((d) => `  ${d.id.padEnd(18)} ${d.every.flag.padEnd(26)} ${d.every.variable.padEnd(32)} ${d.every.default}`).join('\n')}
  generateNewData's sleep bound: --max-sleep-seconds or ADPIPE_GENERATE_MAX_SLEEP_SECONDS (default 120).
Applying again with nothing changed touches nothing; a paused schedule stays paused.
retrain-forecast is created once the worker registers the retrainForecast workflow.
`;

type ApplyFlags = { json?: boolean; maxSleepSeconds?: string } & Record<string, string | boolean | undefined>;
/** commander's camelCase key of an `--x-every` flag. */
const flagKey = (flag: string) => flag.replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Declares `schedules apply|list|pause|unpause|trigger`. */
export function registerScheduleCommands(program: Command): void {
  const schedules = program.command('schedules').description('the Temporal schedules that run adpipe on its own');

  const apply = schedules
    .command('apply')
    .description('create or update the schedules (idempotent)')
    .option('--max-sleep-seconds <n>', 'upper bound of generateNewData\'s random sleep')
    .option('--json', 'machine-readable output')
    .addHelpText('after', applyHelp);
  for (const d of scheduleDefinitions) apply.option(`${d.every.flag} <interval>`, `interval of ${d.id} (${d.every.variable}, default ${d.every.default})`);
  apply.action(async (opts: ApplyFlags) => {
    const every = Object.fromEntries(scheduleDefinitions.map((d) => [d.id, opts[flagKey(d.every.flag)] as string | undefined]));
    await schedulesApply({ every: every as Record<ScheduleId, string | undefined>, maxSleepSeconds: opts.maxSleepSeconds }, opts.json === true, stdio);
  });

  schedules
    .command('list')
    .description('state, interval, next and last run of each schedule')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => schedulesList(opts, stdio));

  for (const [name, paused] of [['pause', true], ['unpause', false]] as const) {
    schedules
      .command(name)
      .description(`${name} a schedule (${ids})`)
      .argument('<id>', 'schedule id')
      .option('--note <text>', 'why (shown in `schedules list` and the Temporal UI)')
      .action(async (id: string, opts: { note?: string }) => schedulesPause(id, { ...opts, paused }, stdio));
  }

  schedules
    .command('trigger')
    .description(`start one run of a schedule now (${ids})`)
    .argument('<id>', 'schedule id')
    .action(async (id: string) => schedulesTrigger(id, stdio));
}
