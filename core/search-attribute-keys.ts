// Typed keys of the search attributes adpipe reads and writes. No Node imports: workflow
// code and client code (schedules, CLI) both use this file.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Which workflow a run is: initialLoad, trackDeltas, generateNewData, … */
export const workflowKindKey = defineSearchAttributeKey('AdpipeWorkflowKind', SearchAttributeType.KEYWORD);

/** The OLTP table a run worked on, e.g. "impressions". */
export const tableKey = defineSearchAttributeKey('AdpipeTable', SearchAttributeType.KEYWORD);

/** The UTC days a run's rows cover, "YYYY-MM-DD..YYYY-MM-DD". */
export const dateRangeKey = defineSearchAttributeKey('AdpipeDateRange', SearchAttributeType.KEYWORD);

/** Set by Temporal on every run a schedule starts: the time the run was due. */
export const scheduledStartTimeKey = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);
