import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Infrastructure errors retry with exponential backoff, without limit: a ClickHouse or
 * PostgreSQL restart delays a run, it does not fail it. Bad input and schema problems
 * are thrown as non-retryable failures by the activities themselves.
 */
export const dataMovingActivity: ActivityOptions = {
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

export const quickActivity: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};
