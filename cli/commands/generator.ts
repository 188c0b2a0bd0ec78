import type { Command } from 'commander';

/** Registers the generator commands (placeholder until its issue lands). */
export function registerGeneratorCommands(program: Command): void {
  void program;
}
