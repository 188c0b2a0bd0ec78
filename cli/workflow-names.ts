import { UsageError } from '../lib/errors.ts';

/** Workflows `adpipe run` starts, by their CLI name. */
export const runnableWorkflows = ['initial-load', 'track-deltas', 'generate-new-data', 'retrain-forecast'] as const;
export type RunnableWorkflow = (typeof runnableWorkflows)[number];

/** initial-load → initialLoad: the workflow type, as Temporal and the seed spell it. */
export function workflowType(name: RunnableWorkflow): string {
  return name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/** initialLoad → initial-load. */
export function cliName(type: string): string {
  return type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Every spelling `run` accepts for a workflow: kebab, camel (Temporal's) and snake case. */
export function spellings(name: RunnableWorkflow): string[] {
  return [...new Set([name, workflowType(name), name.replaceAll('-', '_')])];
}

/** The CLI name of a workflow from any of its spellings, or a UsageError listing the known ones. */
export function parseWorkflowName(text: string): RunnableWorkflow {
  const found = runnableWorkflows.find((name) => spellings(name).includes(text));
  if (found === undefined) {
    throw new UsageError(`unknown workflow "${text}"; expected one of ${runnableWorkflows.join(', ')} (or their camelCase or snake_case spellings)`, 'workflow');
  }
  return found;
}

/**
 * The id of a run started by hand. initial-load has one fixed id, so `run` and `up` attach to
 * a load already going instead of starting a second; other runs are named by their start time.
 */
export function manualWorkflowId(name: string, now = new Date()): string {
  return name === 'initial-load' ? name : `${name}-manual-${now.toISOString()}`;
}
