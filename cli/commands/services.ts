import type { Command } from 'commander';

/** Registers the services commands (placeholder until its issue lands). */
export function registerServicesCommands(program: Command): void {
  void program;
}
