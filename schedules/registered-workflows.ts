/**
 * Workflow types the worker registers: the functions workflows/index.ts exports. The CLI
 * and the worker ship together, so a schedule is created only for a workflow that exists.
 */
export async function registeredWorkflowTypes(): Promise<Set<string>> {
  const exported: Record<string, unknown> = await import('../workflows/index.ts');
  return new Set(Object.keys(exported).filter((name) => typeof exported[name] === 'function'));
}
