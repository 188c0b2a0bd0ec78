import type { Command } from 'commander';
import { retrainForecastInput } from '../../core/inputs/retrain-forecast-input.ts';
import { parseSegment } from '../../forecast/segments.ts';
import { UsageError } from '../../lib/errors.ts';
import { checkDays } from '../handlers/forecast/read-forecast.ts';
import { lazyFn } from '../lazy-fn.ts';
import { intFlag, wholeNumber } from './flag-parsers.ts';
import { fieldFlag } from './input-flags.ts';
import { addRetrainOptions } from './retrain-options.ts';

const handlers = () => import('../handlers/forecast/forecast-commands.ts');
const retrainCommand = lazyFn(handlers, 'retrainCommand');
const forecastCommand = lazyFn(handlers, 'forecastCommand');
const modelsCommand = lazyFn(handlers, 'modelsCommand');

/** Registers `retrain` and `forecast` (campaign, segment, models). */
export function registerForecastCommands(program: Command): void {
  const retrain = program
    .command('retrain')
    .description('retrain the delivery forecast on ClickHouse history (retrainForecast, also `run retrain-forecast`); promote it only if it beats the current model')
    .option('--seed <n>', 'seed of the training-row sample (default 1)', fieldFlag(retrainForecastInput, 'seed', wholeNumber));
  addRetrainOptions(retrain)
    .option('--json', 'print the workflow result as JSON')
    .action(async (o: { asOf?: string; seed?: number; ridge?: number; historyDays?: number; forecastDays?: number; json?: boolean }) => {
      const { json, ...input } = o;
      await retrainCommand(input, json === true);
    });

  const forecast = program
    .command('forecast')
    .description('print the forecast of a campaign or a targeting segment: daily impressions and reach with 80% intervals')
    .option('--campaign <id>', 'campaign id', intFlag('--campaign', 1))
    .option('--segment <spec>', 'targeting segment, e.g. country=DE,device=mobile (attributes: country, device, age)')
    .option('--days <n>', 'days ahead, 1..14', (t: string) => checkDays(Number(/^\d+$/.test(t) ? t : Number.NaN)), 14)
    .option('--json', 'print the forecast as JSON')
    .action(async (o: { campaign?: number; segment?: string; days: number; json?: boolean }) => {
      if ((o.campaign === undefined) === (o.segment === undefined)) {
        throw new UsageError('forecast: give exactly one of --campaign <id> or --segment <spec> (or `forecast models`)', '--campaign');
      }
      const query = o.campaign !== undefined ? { campaignId: o.campaign, days: o.days } : { segment: parseSegment(o.segment!), days: o.days };
      await forecastCommand(query, o.json === true);
    });

  forecast
    .command('models')
    .description('list trained forecast models, newest first, with hold-out metrics and decisions')
    .option('--limit <n>', 'models to show', intFlag('--limit', 1), 20)
    .option('--json', 'print the models with per-horizon metrics as JSON')
    .action(async (o: { limit: number }, command: Command) => {
      // commander gives --json to `forecast` (which has one too) wherever it is typed,
      // `forecast models --json` included: read the options merged along the command path.
      await modelsCommand(o.limit, command.optsWithGlobals<{ json?: boolean }>().json === true);
    });
}
