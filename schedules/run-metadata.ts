import type { SearchAttributePair } from '@temporalio/common';
import { dateRangeKey, tableKey, workflowKindKey } from '../core/search-attributes.ts';

/** What the Temporal UI shows about a run before it has done anything. */
export interface RunMetadata {
  readonly typedSearchAttributes: SearchAttributePair[];
  readonly memo: { readonly summary: string };
  /** Shown as the run's summary line in the UI. */
  readonly staticSummary: string;
}

/** Optional details of a run, when the starter knows them. */
export interface RunDetails {
  readonly table?: string | undefined;
  /** "YYYY-MM-DD..YYYY-MM-DD" */
  readonly dateRange?: string | undefined;
}

/** Search attributes (kind, table, date range) and a one-line memo for a run adpipe starts. */
export function runMetadata(workflowType: string, summary: string, details: RunDetails = {}): RunMetadata {
  const pairs: SearchAttributePair[] = [{ key: workflowKindKey, value: workflowType }];
  if (details.table !== undefined) pairs.push({ key: tableKey, value: details.table });
  if (details.dateRange !== undefined) pairs.push({ key: dateRangeKey, value: details.dateRange });
  return { typedSearchAttributes: pairs, memo: { summary }, staticSummary: summary };
}
