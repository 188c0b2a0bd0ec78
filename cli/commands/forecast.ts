import type { Command } from 'commander';
import { parseSegment } from '../../forecast/segments.ts';
import { UsageError } from '../../lib/errors.ts';
import { describeRetrain, renderForecast, renderModels } from '../forecast-output.ts';
import { listModels } from '../handlers/forecast/list-models.ts';
import { checkDays, readForecast } from '../handlers/forecast/read-forecast.ts';
import { runRetrain } from '../handlers/forecast/retrain.ts';
import { withPipelineContext } from '../handlers/pipeline-context.ts';
import { intFlag, seedFlag } from './generator-flags.ts';

const out = (text: string) => void process.stdout.write(text);
const json = (value: unknown) => out(`${JSON.stringify(value, null, 2)}\n`);

function nonNegativeNumber(flag: string): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new UsageError(`${flag} must be a non-negative number, got "${text}"`, flag);
    return value;
  };
}

/** Registers `retrain` and `forecast` (campaign, segment, models). */
export function registerForecastCommands(program: Command): void {
  program
    .command('retrain')
    .description('retrain the delivery forecast on ClickHouse history (retrainForecast); promote it only if it beats the current model')
    .option('--as-of <date>', 'last complete UTC day to learn from (default: yesterday)')
    .option('--seed <n>', 'seed of the training-row sample (default 1)', seedFlag)
    .option('--ridge <x>', 'L2 penalty of the regression (default 1)', nonNegativeNumber('--ridge'))
    .option('--history-days <n>', 'days of history to read (default 120, at least 49)', intFlag('--history-days', 1))
    .option('--forecast-days <n>', 'days to forecast, 1..14 (default 14)', intFlag('--forecast-days', 1))
    .option('--json', 'print the workflow result as JSON')
    .action(async (o: { asOf?: string; seed?: number; ridge?: number; historyDays?: number; forecastDays?: number; json?: boolean }) => {
      const result = await withPipelineContext(async (ctx) => {
        const temporal = await ctx.temporal();
        return runRetrain(temporal.client, ctx.config.taskQueue, {
          asOf: o.asOf, seed: o.seed, ridge: o.ridge, historyDays: o.historyDays, forecastDays: o.forecastDays,
        });
      });
      if (o.json) json(result);
      else out(describeRetrain(result));
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
      const view = await withPipelineContext((ctx) => readForecast(ctx.clickhouse(), query));
      if (o.json) json(view);
      else out(renderForecast(view));
    });

  forecast
    .command('models')
    .description('list trained forecast models, newest first, with hold-out metrics and decisions')
    .option('--limit <n>', 'models to show', intFlag('--limit', 1), 20)
    .option('--json', 'print the models with per-horizon metrics as JSON')
    .action(async (o: { limit: number; json?: boolean }) => {
      const models = await withPipelineContext((ctx) => listModels(ctx.clickhouse(), o.limit));
      if (o.json) json(models);
      else out(renderModels(models));
    });
}
