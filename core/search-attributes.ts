// adpipe's search attributes, declared once: typed keys for workflows and starters, and
// the registration list for servers. No Node imports: workflow code uses this file.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';

/** Which workflow a run is: initialLoad, trackDeltas, generateNewData, … */
export const workflowKindKey = defineSearchAttributeKey('AdpipeWorkflowKind', SearchAttributeType.KEYWORD);

/** The OLTP table a run worked on, e.g. "impressions". */
export const tableKey = defineSearchAttributeKey('AdpipeTable', SearchAttributeType.KEYWORD);

/** The UTC days a run's rows cover, "YYYY-MM-DD..YYYY-MM-DD". */
export const dateRangeKey = defineSearchAttributeKey('AdpipeDateRange', SearchAttributeType.KEYWORD);

/** Set by Temporal itself on every run a schedule starts: the time the run was due. */
export const scheduledStartTimeKey = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * The custom attributes adpipe sets, which a server must have registered (the embedded dev
 * server registers them at start, `registerSearchAttributes` on any other). Add new ones here.
 */
export const adpipeSearchAttributeKeys: readonly SearchAttributePair['key'][] = [workflowKindKey, tableKey, dateRangeKey];

/** How `temporal server start-dev --search-attribute Name=Kind` spells each type. */
const devServerKind = {
  TEXT: 'Text', KEYWORD: 'Keyword', INT: 'Int', DOUBLE: 'Double', BOOL: 'Bool', DATETIME: 'Datetime', KEYWORD_LIST: 'KeywordList',
} as const satisfies Record<SearchAttributeType, string>;

/** Temporal search attribute kinds as the dev server names them. */
export type SearchAttributeKind = (typeof devServerKind)[SearchAttributeType];

/** Name → kind of adpipe's custom attributes, for the dev server's command line. */
export const adpipeSearchAttributes: Readonly<Record<string, SearchAttributeKind>> = Object.freeze(
  Object.fromEntries(adpipeSearchAttributeKeys.map((key) => [key.name, devServerKind[key.type]])),
);
