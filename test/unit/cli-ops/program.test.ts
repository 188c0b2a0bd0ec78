import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../cli/program.ts';
import { parseWorkflowName, runnableWorkflows, spellings } from '../../../cli/workflow-names.ts';
import { UsageError } from '../../../lib/errors.ts';
import { jsonCommands } from '../../integration/cli/json-commands.ts';

/** Every command under `command`, by its path ("forecast models"). */
function commandsOf(command: Command, prefix = ''): [string, Command][] {
  return command.commands.flatMap((c) => {
    const path = `${prefix}${c.name()}`;
    return [[path, c] as [string, Command], ...commandsOf(c, `${path} `)];
  });
}

describe('the command tree', () => {
  it('every command with --json is run and parsed by the JSON output integration test', () => {
    const withJson = commandsOf(buildProgram()).filter(([, c]) => c.options.some((o) => o.long === '--json')).map(([path]) => path);
    expect(withJson.sort()).toEqual([...jsonCommands].sort());
  });

  it('`run --help` lists every workflow in each spelling it accepts', () => {
    const run = commandsOf(buildProgram()).find(([path]) => path === 'run')![1];
    let help = '';
    run.configureOutput({ writeOut: (text) => void (help += text) });
    run.outputHelp();
    for (const name of runnableWorkflows) for (const spelling of spellings(name)) expect(help).toContain(spelling);
    expect(help).toContain('initial-load, initialLoad, initial_load');
  });
});

describe('workflow names', () => {
  it('accept the CLI, Temporal and snake_case spellings', () => {
    for (const text of ['initial-load', 'initialLoad', 'initial_load']) expect(parseWorkflowName(text)).toBe('initial-load');
    expect(parseWorkflowName('retrainForecast')).toBe('retrain-forecast');
    expect(parseWorkflowName('generate_new_data')).toBe('generate-new-data');
  });

  it('refuse others, listing the known ones', () => {
    for (const text of ['initial load', 'InitialLoad', 'backfill', '']) {
      expect(() => parseWorkflowName(text)).toThrow(UsageError);
    }
    expect(() => parseWorkflowName('load')).toThrow(/expected one of initial-load, track-deltas, generate-new-data, retrain-forecast/);
  });
});
