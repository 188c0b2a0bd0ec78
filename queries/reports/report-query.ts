import { parseDay } from '../../core/calendar.ts';
import { checkCampaignId } from '../campaign-reference.ts';
import { QueryInputError } from '../query-errors.ts';

/** The two reports: per campaign (lifetime, or summed over a period), and per campaign and day. */
export type ReportName = 'totals' | 'daily';

/** What a caller asks for: days are UTC YYYY-MM-DD, inclusive; no campaign means every campaign. */
export interface ReportQuery {
  readonly report: ReportName;
  readonly from?: string;
  readonly to?: string;
  readonly campaignId?: number;
}

/** A checked query, defaults filled in, as the SQL takes it. */
export interface CheckedReportQuery {
  readonly kind: ReportName;
  readonly dayFrom: string;
  readonly dayTo: string;
  /** 0: every campaign. */
  readonly campaignId: number;
  /** totals over a period (from/to given) rather than lifetime. */
  readonly period: boolean;
}

/** Date32's whole range: the default when from/to are left out. */
const firstDay = '1900-01-01';
const lastDay = '2299-12-31';

function day(field: 'from' | 'to', text: string | undefined, fallback: string): string {
  if (text === undefined) return fallback;
  if (parseDay(text) === undefined) throw new QueryInputError(field, (n) => `${n(field)} must be a date written YYYY-MM-DD, got "${text}"`);
  return text;
}

/** A report name, checked. */
export function checkReportName(name: string): ReportName {
  if (name !== 'totals' && name !== 'daily') throw new QueryInputError('report', () => `unknown report "${name}"; expected totals or daily`);
  return name;
}

/** Check a report query (no I/O); a QueryInputError names the field at fault. */
export function checkReportQuery(q: ReportQuery): CheckedReportQuery {
  const kind = checkReportName(q.report);
  const dayFrom = day('from', q.from, firstDay);
  const dayTo = day('to', q.to, lastDay);
  if (dayFrom > dayTo) throw new QueryInputError('from', (n) => `${n('from')} ${dayFrom} is after ${n('to')} ${dayTo}`);
  const campaignId = q.campaignId === undefined ? 0 : checkCampaignId(q.campaignId);
  return { kind, dayFrom, dayTo, campaignId, period: q.from !== undefined || q.to !== undefined };
}
