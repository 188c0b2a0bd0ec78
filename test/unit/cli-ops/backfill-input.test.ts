import { describe, expect, it } from 'vitest';
import { checkAttachFlags, parseBackfillFlags } from '../../../cli/handlers/backfill-input.ts';
import { UsageError } from '../../../lib/errors.ts';
import { backfillWorkflowId, checkBackfillInput, maxBackfillDays } from '../../../core/inputs/backfill-input.ts';
import { daysOf } from '../../../core/calendar.ts';

const today = '2026-11-23';

describe('backfill input rules', () => {
  it('accepts a valid range, today included', () => {
    expect(checkBackfillInput({ from: '2026-11-01', to: today }, today)).toBeUndefined();
    expect(checkBackfillInput({ from: '2024-02-29', to: '2024-02-29', campaignId: 7, concurrency: 16 }, today)).toBeUndefined();
  });

  it.each([
    [{ from: '2026-2-01', to: '2026-02-02' }, 'from', /YYYY-MM-DD/],
    [{ from: '2025-02-29', to: '2025-03-01' }, 'from', /YYYY-MM-DD/], // not a leap year
    [{ from: '2026-11-01', to: '2026-11-31' }, 'to', /YYYY-MM-DD/],
    [{ from: 20261101, to: '2026-11-02' }, 'from', /got 20261101/],
    [{ from: '2026-11-05', to: '2026-11-04' }, 'from', /after the end/],
    [{ from: '2026-11-20', to: '2026-11-24' }, 'to', /in the future \(today is 2026-11-23 UTC\)/],
    [{ from: '1899-12-31', to: '1900-01-01' }, 'from', /before 1900-01-01/],
    [{ from: '2025-01-01', to: '2026-01-02' }, 'to', /367 days; at most 366/],
    [{ from: '2026-11-01', to: '2026-11-02', campaignId: 0 }, 'campaignId', /positive integer/],
    [{ from: '2026-11-01', to: '2026-11-02', campaignId: 1.5 }, 'campaignId', /positive integer/],
    [{ from: '2026-11-01', to: '2026-11-02', concurrency: 17 }, 'concurrency', /1 to 16/],
  ])('rejects %j on %s', (input, field, message) => {
    const problem = checkBackfillInput(input, today);
    expect(problem?.field).toBe(field);
    expect(problem?.message).toMatch(message);
  });

  it('a range of exactly the maximum is allowed', () => {
    const from = '2025-01-01';
    const to = daysOf(from, '2026-12-31')[maxBackfillDays - 1]!;
    expect(checkBackfillInput({ from, to }, today)).toBeUndefined();
  });

  it('workflow ids', () => {
    expect(backfillWorkflowId({ from: '2026-11-01', to: '2026-11-07' })).toBe('backfill-2026-11-01-2026-11-07');
    expect(backfillWorkflowId({ from: '2026-11-01', to: '2026-11-07', campaignId: 42 })).toBe('backfill-2026-11-01-2026-11-07-campaign-42');
  });
});

describe('backfill flags', () => {
  const now = Date.UTC(2026, 10, 23, 12);
  const usage = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return err as UsageError;
    }
    throw new Error('expected a UsageError');
  };

  it('turn into a workflow input', () => {
    expect(parseBackfillFlags({ from: '2026-11-01', to: '2026-11-02', campaign: '42', concurrency: '2' }, now))
      .toEqual({ from: '2026-11-01', to: '2026-11-02', campaignId: 42, concurrency: 2 });
  });

  it('name the flag at fault', () => {
    expect(usage(() => parseBackfillFlags({ to: '2026-11-02' }, now)).field).toBe('--from');
    expect(usage(() => parseBackfillFlags({ from: '2026-11-01' }, now)).field).toBe('--to');
    expect(usage(() => parseBackfillFlags({ from: '2026-11-01', to: '2026-12-01' }, now))).toMatchObject({ field: '--to', message: expect.stringMatching(/^--to: .*future/) });
    expect(usage(() => parseBackfillFlags({ from: '2026-11-01', to: '2026-11-02', campaign: ' 4' }, now)).field).toBe('--campaign');
    expect(usage(() => parseBackfillFlags({ from: '2026-11-01', to: '2026-11-02', concurrency: '0' }, now)).field).toBe('--concurrency');
    expect(usage(() => checkAttachFlags({ attach: 'x', to: '2026-11-02' })).message).toMatch(/cannot be combined with --to/);
    expect(usage(() => checkAttachFlags({ attach: ' ' })).field).toBe('--attach');
    expect(checkAttachFlags({ attach: ' backfill-a ' })).toBe('backfill-a');
  });
});
