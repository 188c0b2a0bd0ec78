import { WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineFixture, type PipelineFixture } from './pipeline-fixture.ts';

/** The cause chain a client sees when a workflow fails: workflow → activity → application. */
async function failureOf(run: Promise<unknown>): Promise<{ workflow: WorkflowFailedError; cause: ApplicationFailure }> {
  const err = await run.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(WorkflowFailedError);
  const workflow = err as WorkflowFailedError;
  const inner = workflow.cause instanceof ActivityFailure ? workflow.cause.cause : workflow.cause;
  expect(inner).toBeInstanceOf(ApplicationFailure);
  return { workflow, cause: inner as ApplicationFailure };
}

describe('failures are classified, fast and clear', () => {
  let f: PipelineFixture;
  beforeAll(async () => {
    f = await createPipelineFixture();
  });
  afterAll(async () => f?.close());

  it('trackDeltas before any initial load fails at once, without retrying', async () => {
    const started = Date.now();
    const { workflow, cause } = await failureOf(f.runTrackDeltas());
    expect(workflow.cause).toBeInstanceOf(ActivityFailure);
    expect(cause).toMatchObject({ type: 'NotInitialised', nonRetryable: true });
    expect(cause.message).toMatch(/run the initial load first/);
    expect(Date.now() - started).toBeLessThan(15_000); // no backoff loop
  });

  it('bad workflow input names the field', async () => {
    const { cause } = await failureOf(f.runInitialLoad({ rangeSize: 5 }));
    expect(cause).toMatchObject({ type: 'BadInput', nonRetryable: true });
    expect(cause.message).toMatch(/^rangeSize: must be an integer of at least 1000/);
    const tables = await failureOf(f.runTrackDeltas({ tables: ['impressions', 'bogus' as 'clicks'] }));
    expect(tables.cause.message).toMatch(/tables: unknown table bogus/);
  });

  it('a source database without the change-tracking migration is a schema mismatch, not a retry loop', async () => {
    await f.pg.query('ALTER TABLE clicks DROP COLUMN adpipe_xid CASCADE');
    try {
      const { cause } = await failureOf(f.runInitialLoad());
      expect(cause).toMatchObject({ type: 'SourceSchemaMismatch', nonRetryable: true });
      expect(cause.message).toMatch(/clicks\.adpipe_xid.*adpipe migrate/);
      const written = await f.pg.query<{ plans: string; impressions: string }>(
        'SELECT (SELECT count(*) FROM adpipe.load_plans) AS plans, (SELECT count(*) FROM impressions) AS impressions');
      expect(written.rows[0]).toEqual({ plans: '0', impressions: '0' }); // failed before generating or planning
    } finally {
      await f.pg.query('ALTER TABLE clicks ADD COLUMN adpipe_xid bigint NOT NULL DEFAULT 0');
    }
  });
});
