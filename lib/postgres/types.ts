import pg from 'pg';

// OIDs of the types whose default node-postgres parsing loses information.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const NUMERIC_ARRAY = 1231;
const DATE_ARRAY = 1182;
const TIMESTAMP_ARRAY = 1115;
const TEXT_ARRAY = 1009;

const asText = (value: string): string => value;
type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
// text[]'s parser: splits an array literal into strings without converting elements.
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY as TypeId, 'text') as (v: string) => string[];

/**
 * Result parsing for adpipe pools: NUMERIC and INT8 stay decimal strings (exact; int8
 * also stays JSON-serialisable for Temporal payloads, which bigint is not), DATE stays
 * 'YYYY-MM-DD', TIMESTAMP without time zone stays PostgreSQL's text (UTC by contract;
 * a Date would be read in the process's local zone and lose microseconds).
 * TIMESTAMPTZ keeps pg's default: a Date. Scoped to the pool, never global.
 */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    switch (oid) {
      case INT8:
      case NUMERIC:
      case DATE:
      case TIMESTAMP:
        return asText;
      case NUMERIC_ARRAY:
      case DATE_ARRAY:
      case TIMESTAMP_ARRAY:
        return parseTextArray;
      default:
        return pg.types.getTypeParser(oid as TypeId, format ?? 'text');
    }
  }) as pg.CustomTypesConfig['getTypeParser'],
};
