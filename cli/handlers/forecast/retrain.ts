import type { Client } from '@temporalio/client';
import { retrainForecast, type RetrainForecastInput, type RetrainForecastResult } from '../../../workflows/forecast/retrain-forecast.ts';
import { executeManualRun } from '../run-workflow.ts';

/**
 * `adpipe retrain`: run retrainForecast and wait for its result. Bad input and too little
 * history come back as a UsageError carrying the workflow's own message (exit 2).
 */
export async function runRetrain(client: Client, taskQueue: string, input: RetrainForecastInput): Promise<RetrainForecastResult> {
  return executeManualRun(client, taskQueue, retrainForecast, input, { command: 'adpipe retrain' });
}
