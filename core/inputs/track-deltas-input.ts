// The input of trackDeltas: one schema for the workflow, `adpipe run track-deltas` and the API.
import { z } from 'zod';
import { pipelineTables } from '../tables.ts';
import { inputObject, mustBe } from './fields.ts';

const tableName = z.enum(pipelineTables, {
  error: (issue) => `unknown table ${String(issue.input)}; expected some of ${pipelineTables.join(', ')}`,
});

/** trackDeltas's input: by default every table. */
export const trackDeltasInput = inputObject({
  tables: z.array(tableName, mustBe('a list of table names')).optional().describe('limit the run to some tables (default: all four)'),
});

export type TrackDeltasInput = Readonly<z.input<typeof trackDeltasInput>>;
