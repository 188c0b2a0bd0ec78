import { utcDay } from '../../core/calendar.ts';
import { backfillInputSchema, type BackfillInput } from '../../core/inputs/backfill-input.ts';
import { UsageError } from '../../lib/errors.ts';
import { flagParser, wholeNumber } from '../commands/flag-parsers.ts';
import { parseFlagInput, type FlagOverrides } from '../flag-names.ts';

/** `adpipe backfill` flags as commander hands them over (text, unparsed). */
export interface BackfillFlags {
  readonly from?: string;
  readonly to?: string;
  readonly campaign?: string;
  readonly concurrency?: string;
  readonly attach?: string;
  readonly json?: boolean;
}

/** The input fields `backfill` spells differently as flags. */
const flags: FlagOverrides = { campaignId: '--campaign' };

/**
 * Turn flags into a workflow input with the workflow's own schema, or throw a UsageError
 * naming the flag (exit 2) before anything is started. `nowMs` decides what "the future" is (UTC).
 */
export function parseBackfillFlags(given: BackfillFlags, nowMs = Date.now()): BackfillInput {
  if (given.from === undefined) throw new UsageError('--from is required (YYYY-MM-DD), or --attach <workflowId>', '--from');
  if (given.to === undefined) throw new UsageError('--to is required (YYYY-MM-DD)', '--to');
  const schema = backfillInputSchema(utcDay(nowMs));
  // Numbers first, each quoting what was typed; then the whole input (the range rules).
  const number = (flag: string, field: 'campaignId' | 'concurrency', text: string | undefined) =>
    text === undefined ? {} : { [field]: flagParser(flag, schema.shape[field], wholeNumber)(text) };
  return parseFlagInput(schema, {
    from: given.from,
    to: given.to,
    ...number('--campaign', 'campaignId', given.campaign),
    ...number('--concurrency', 'concurrency', given.concurrency),
  }, flags);
}

/** --attach takes a workflow id and nothing that would describe a new backfill. */
export function checkAttachFlags(given: BackfillFlags): string {
  const clash = (['from', 'to', 'campaign', 'concurrency'] as const).find((f) => given[f] !== undefined);
  if (clash !== undefined) throw new UsageError(`--attach cannot be combined with --${clash}: it follows a backfill already started`, '--attach');
  if (!given.attach || given.attach.trim() === '') throw new UsageError('--attach needs a workflow id, e.g. backfill-2026-11-01-2026-11-07', '--attach');
  return given.attach.trim();
}
