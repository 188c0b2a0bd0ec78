import { Command } from 'commander';
import { registerDatabaseCommands } from './commands/database.ts';
import { registerForecastCommands } from './commands/forecast.ts';
import { registerGeneratorCommands } from './commands/generator.ts';
import { registerHistoryCommand } from './commands/history.ts';
import { registerOperationsCommands } from './commands/operations.ts';
import { registerPipelineCommands } from './commands/pipeline.ts';
import { registerScheduleCommands } from './commands/schedules.ts';
import { registerServiceCommands } from './commands/services.ts';

/** Declares the `adpipe` command tree; handlers live in their own files. */
export function buildProgram(): Command {
  const program = new Command('adpipe')
    .description('PostgreSQL → ClickHouse ad-analytics pipeline on Temporal')
    .option('--verbose', 'print stack traces on errors')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) })
    .exitOverride();
  registerServiceCommands(program);
  registerDatabaseCommands(program);
  registerGeneratorCommands(program);
  registerHistoryCommand(program);
  registerPipelineCommands(program);
  registerScheduleCommands(program);
  registerOperationsCommands(program);
  registerForecastCommands(program);
  return program;
}
