import { loadConfig } from '../../../lib/config.ts';
import type { ContextRunner } from '../../../cli/handlers/context-runner.ts';
import type { PipelineContext } from '../../../cli/handlers/pipeline-context.ts';
import { testStack } from '../../harness/context.ts';
import type { PipelineFixture } from '../pipeline/pipeline-fixture.ts';

/** CLI handlers' connections, pointed at a pipeline fixture (its databases, worker and task queue). */
export function fixtureContext(f: PipelineFixture): ContextRunner {
  const stack = testStack();
  const config = loadConfig({ ADPIPE_TASK_QUEUE: f.taskQueue, TEMPORAL_NAMESPACE: stack.temporalNamespace });
  const ctx: PipelineContext = {
    config,
    endpoints: {
      databaseUrl: f.databaseUrl,
      clickhouseUrl: stack.clickhouseUrl,
      clickhouseUser: stack.clickhouseUser,
      clickhousePassword: stack.clickhousePassword,
      clickhouseDatabase: '', // handlers use ctx.clickhouse(), already bound to the fixture's database
      temporalAddress: stack.temporalAddress,
      temporalNamespace: stack.temporalNamespace,
      databaseUrlForClickhouse: f.databaseUrl,
    },
    pg: () => f.pg,
    clickhouse: () => f.clickhouse,
    temporal: async () => ({ client: f.client, close: async () => {} }),
  };
  return (fn) => fn(ctx);
}

/** An Output that keeps what handlers print. */
export function captureOutput(): { out: string[]; err: string[]; io: { out: (l: string) => void; err: (l: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => void out.push(l), err: (l) => void err.push(l) } };
}
