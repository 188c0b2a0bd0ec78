import { UsageError } from '../lib/errors.ts';

/** Workflows `adpipe run` starts, by their CLI name, with the id each run gets. */
export const runnableWorkflows = {
  'initial-load': { type: 'initialLoad', workflowId: () => 'initial-load' },
  'track-deltas': { type: 'trackDeltas', workflowId: () => `track-deltas-manual-${new Date().toISOString()}` },
  'generate-new-data': { type: 'generateNewData', workflowId: () => `generate-new-data-manual-${new Date().toISOString()}` },
} as const;
export type RunnableWorkflow = keyof typeof runnableWorkflows;

/** The CLI name of a workflow, or a UsageError listing the known ones. */
export function parseWorkflowName(name: string): RunnableWorkflow {
  if (!(name in runnableWorkflows)) {
    throw new UsageError(`unknown workflow "${name}"; expected one of ${Object.keys(runnableWorkflows).join(', ')}`, 'workflow');
  }
  return name as RunnableWorkflow;
}
