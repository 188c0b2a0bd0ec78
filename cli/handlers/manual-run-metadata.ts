import { runMetadata, type RunMetadata } from '../../schedules/run-metadata.ts';

/**
 * Search attributes and memo for a run started by hand (`adpipe run`, `up`, `retrain`): the
 * workflow kind, the table when the run covers exactly one, and a summary naming what was asked.
 */
export function manualRunMetadata(workflowType: string, input: unknown, command = 'adpipe run'): RunMetadata {
  const fields = input !== null && typeof input === 'object' ? Object.entries(input).filter(([, v]) => v !== undefined) : [];
  const tables = (input as { tables?: unknown } | undefined)?.tables;
  const table = Array.isArray(tables) && tables.length === 1 ? String(tables[0]) : undefined;
  const asked = fields.length > 0 ? ` with ${fields.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join(' ')}` : '';
  return runMetadata(workflowType, `${workflowType} started by \`${command}\`${asked}`, { table });
}
