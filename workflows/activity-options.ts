import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Infrastructure errors retry with exponential backoff, without limit: a ClickHouse or
 * PostgreSQL restart delays a run, it does not fail it. Bad input and schema problems
 * are thrown as non-retryable failures by the activities themselves.
 */
// A killed worker's activity is retried only once its timeout passes: moving activities
// heartbeat every 5 s, so 20 s notices a dead worker quickly; quick ones finish in seconds.
export const dataMovingActivity: ActivityOptions = {
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

export const quickActivity: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};
