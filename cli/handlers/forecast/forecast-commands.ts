import type { RetrainForecastInput } from '../../../core/inputs/retrain-forecast-input.ts';
import { describeRetrain, renderForecast, renderModels } from '../../forecast-output.ts';
import { withPipelineContext } from '../pipeline-context.ts';
import { listModels } from './list-models.ts';
import type { ForecastQuery } from '../../../queries/forecast/published-forecast.ts';
import { readForecast } from './read-forecast.ts';
import { runRetrain } from './retrain.ts';

// `retrain`, `forecast` and `forecast models` on the configured servers: the text a person
// reads, or the same result as JSON. Loaded only when one of them runs (Temporal, ClickHouse).

const out = (text: string) => void process.stdout.write(text);
const print = (json: boolean, value: unknown, text: () => string) => out(json ? `${JSON.stringify(value, null, 2)}\n` : text());

/** `adpipe retrain`. */
export async function retrainCommand(input: RetrainForecastInput, json: boolean): Promise<void> {
  const result = await withPipelineContext(async (ctx) => runRetrain((await ctx.temporal()).client, ctx.config.taskQueue, input));
  print(json, result, () => describeRetrain(result));
}

/** `adpipe forecast --campaign|--segment`. */
export async function forecastCommand(query: ForecastQuery, json: boolean): Promise<void> {
  const view = await withPipelineContext((ctx) => readForecast(ctx.clickhouse(), query));
  print(json, view, () => renderForecast(view));
}

/** `adpipe forecast models`. */
export async function modelsCommand(limit: number, json: boolean): Promise<void> {
  const models = await withPipelineContext((ctx) => listModels(ctx.clickhouse(), limit));
  print(json, models, () => renderModels(models));
}
