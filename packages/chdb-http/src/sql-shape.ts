/** How a statement is run: streamed output, rows written, or buffered output. */
export type StatementKind = 'select' | 'insert' | 'other';

// Skip whitespace and comments so the statement's first keyword can be read.
function stripLeading(sql: string): string {
  let rest = sql;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('--')) {
      const end = rest.indexOf('\n');
      rest = end < 0 ? '' : rest.slice(end + 1);
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      rest = end < 0 ? '' : rest.slice(end + 2);
    } else {
      return rest;
    }
  }
}

/** Classify a statement by its first keyword. */
export function statementKind(sql: string): StatementKind {
  const head = stripLeading(sql);
  if (head.startsWith('(')) return 'select';
  const keyword = /^[A-Za-z]+/.exec(head)?.[0]?.toUpperCase();
  if (keyword === 'SELECT' || keyword === 'WITH') return 'select';
  if (keyword === 'INSERT') return 'insert';
  return 'other';
}

/** Whether the statement is empty once comments are gone. */
export const isEmptySql = (sql: string) => stripLeading(sql).replace(/^;+/, '').trim() === '';

const TRAILING_FORMAT = /\bFORMAT\s+([A-Za-z][A-Za-z0-9_]*)\s*(?:SETTINGS\b[^;]*)?;?\s*$/i;

/** The output format a trailing `FORMAT x` clause names, if any. */
export const trailingFormat = (sql: string) => TRAILING_FORMAT.exec(sql)?.[1];

/** Whether the word FORMAT occurs anywhere, i.e. a format may hide where the regex does not look. */
export const mentionsFormat = (sql: string) => /\bFORMAT\b/i.test(sql);

/** For `INSERT ... FORMAT X` with its rows in the request body: X. */
export function insertDataFormat(sql: string): string | undefined {
  if (statementKind(sql) !== 'insert') return undefined;
  return /\bFORMAT\s+([A-Za-z][A-Za-z0-9_]*)\s*$/i.exec(sql)?.[1];
}
