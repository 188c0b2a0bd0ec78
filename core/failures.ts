// Failure types adpipe throws non-retryably, shared by activities, workflows and the CLI.
// No Node imports: workflow code throws these too (ApplicationFailure is workflow-safe).
import { ApplicationFailure } from '@temporalio/common';

/** Every failure type name adpipe uses; the Temporal UI and the CLI show them. */
export const FailureType = {
  /** A workflow or activity input is wrong: the message names the field. */
  BadInput: 'BadInput',
  /** trackDeltas before the initial load set the watermarks. */
  NotInitialised: 'NotInitialised',
  /** PostgreSQL lacks a column the pipeline reads (run `adpipe migrate`). */
  SourceSchemaMismatch: 'SourceSchemaMismatch',
  /** The extracting role may not read a source table. */
  SourcePermissionDenied: 'SourcePermissionDenied',
  /** ClickHouse rejected a statement as wrong for its schema. */
  OlapSchemaMismatch: 'OlapSchemaMismatch',
  /** An applied ClickHouse schema file was edited afterwards. */
  OlapSchemaChanged: 'OlapSchemaChanged',
  /** Not enough history to train a forecast. */
  TooLittleHistory: 'TooLittleHistory',
} as const;
export type FailureType = (typeof FailureType)[keyof typeof FailureType];

/** Failures the person asking can fix by asking differently: the CLI exits 2 on them, as on bad flags. */
const usageFailureTypes: ReadonlySet<string> = new Set<FailureType>([FailureType.BadInput, FailureType.TooLittleHistory]);

/** Whether a failure type means "bad request" rather than "something broke". */
export function isUsageFailure(type: string | undefined | null): boolean {
  return type != null && usageFailureTypes.has(type);
}

/** Bad input or a state only a person can fix: fail now, never retry. */
export function nonRetryable(type: FailureType, message: string, details?: unknown): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: details === undefined ? [] : [details] });
}

/** A BadInput failure whose message starts with the field at fault: "campaignId: must be …". */
export function badInput(field: string, problem: string): ApplicationFailure {
  return nonRetryable(FailureType.BadInput, `${field}: ${problem}`, { field });
}
