import type { Command } from 'commander';

/** Registers the pipeline commands (placeholder until its issue lands). */
export function registerPipelineCommands(program: Command): void {
  void program;
}
