import type { PipelineContext } from './pipeline-context.ts';

/**
 * Runs a function with open connections and closes them after: withPipelineContext in
 * the CLI, a test's own servers in tests. Handlers take one so they stay callable from tests.
 */
export type ContextRunner = <T>(fn: (ctx: PipelineContext) => Promise<T>) => Promise<T>;
