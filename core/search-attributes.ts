// No Node imports here: workflow code may import this file.

/** Temporal search attribute types the dev server can register. */
export type SearchAttributeKind = 'Text' | 'Keyword' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';

/**
 * Custom search attributes adpipe's workflows set, registered by the embedded
 * Temporal dev server at start (and needed on any other cluster). Add new ones here.
 */
export const adpipeSearchAttributes = {
  /** OLTP table a run works on, e.g. "impressions". */
  AdpipeTable: 'Keyword',
  /** Date range a run covers, "YYYY-MM-DD..YYYY-MM-DD". */
  AdpipeDateRange: 'Keyword',
  /** Which workflow this is: initialLoad, trackDeltas, backfill, … */
  AdpipeWorkflowKind: 'Keyword',
} as const satisfies Record<string, SearchAttributeKind>;

/** Name of one of adpipe's search attributes. */
export type AdpipeSearchAttribute = keyof typeof adpipeSearchAttributes;
