import { UsageError } from '../../lib/errors.ts';
import { checkBackfillInput, type BackfillInput, type BackfillInputProblem } from '../../core/inputs/backfill-input.ts';
import { utcDay } from '../../core/calendar.ts';

/** `adpipe backfill` flags as commander hands them over (text, unparsed). */
export interface BackfillFlags {
  readonly from?: string;
  readonly to?: string;
  readonly campaign?: string;
  readonly concurrency?: string;
  readonly attach?: string;
  readonly json?: boolean;
}

/** The CLI flag behind each input field, for messages that name what to fix. */
const flagOf: Record<BackfillInputProblem['field'], string> = {
  from: '--from',
  to: '--to',
  campaignId: '--campaign',
  concurrency: '--concurrency',
};

/** Whole positive numbers only: Number('') is 0 and parseInt('3x') is 3. */
function integerFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`${flag} must be a positive integer, got "${text}"`, flag);
  return Number(text);
}

/**
 * Turn flags into a workflow input, or throw a UsageError naming the flag (exit 2)
 * before anything is started. `nowMs` decides what "the future" is (UTC).
 */
export function parseBackfillFlags(flags: BackfillFlags, nowMs = Date.now()): BackfillInput {
  if (flags.from === undefined) throw new UsageError('--from is required (YYYY-MM-DD), or --attach <workflowId>', '--from');
  if (flags.to === undefined) throw new UsageError('--to is required (YYYY-MM-DD)', '--to');
  const input: BackfillInput = {
    from: flags.from,
    to: flags.to,
    ...(flags.campaign === undefined ? {} : { campaignId: integerFlag('--campaign', flags.campaign) }),
    ...(flags.concurrency === undefined ? {} : { concurrency: integerFlag('--concurrency', flags.concurrency) }),
  };
  const problem = checkBackfillInput(input, utcDay(nowMs));
  if (problem) throw new UsageError(`${flagOf[problem.field]}: ${problem.message}`, flagOf[problem.field]);
  return input;
}

/** --attach takes a workflow id and nothing that would describe a new backfill. */
export function checkAttachFlags(flags: BackfillFlags): string {
  const clash = (['from', 'to', 'campaign', 'concurrency'] as const).find((f) => flags[f] !== undefined);
  if (clash !== undefined) throw new UsageError(`--attach cannot be combined with --${clash}: it follows a backfill already started`, '--attach');
  if (!flags.attach || flags.attach.trim() === '') throw new UsageError('--attach needs a workflow id, e.g. backfill-2026-11-01-2026-11-07', '--attach');
  return flags.attach.trim();
}
