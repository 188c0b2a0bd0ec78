import type { DailyFigures } from './postgres-truth.ts';

/** One disagreement between PostgreSQL and ClickHouse. */
export interface Difference {
  readonly scope: 'daily' | 'totals';
  readonly campaignId: number;
  readonly day: string | null;
  readonly field: 'impressions' | 'clicks' | 'spend' | 'row';
  readonly postgres: string;
  readonly clickhouse: string;
}

const zero: Omit<DailyFigures, 'campaignId' | 'day'> = { impressions: 0, clicks: 0, spend: '0.00' };

/** Normalise a decimal string so "5" and "5.00" compare equal (exact: no floats). */
export function normaliseDecimal(value: string): string {
  const [int = '0', frac = ''] = value.split('.');
  return `${BigInt(int)}.${(frac + '00').slice(0, 2)}`;
}

/** Compare daily figures key by key; a key missing on one side counts as zeros there. */
export function compareDaily(truth: readonly DailyFigures[], report: readonly DailyFigures[]): Difference[] {
  const key = (f: DailyFigures) => `${f.campaignId}|${f.day}`;
  const left = new Map(truth.map((f) => [key(f), f]));
  const right = new Map(report.map((f) => [key(f), f]));
  const diffs: Difference[] = [];
  for (const k of new Set([...left.keys(), ...right.keys()])) {
    const p = left.get(k);
    const c = right.get(k);
    const [campaignId, day] = [(p ?? c)!.campaignId, (p ?? c)!.day];
    for (const field of ['impressions', 'clicks', 'spend'] as const) {
      const pv = field === 'spend' ? normaliseDecimal((p ?? zero).spend) : String((p ?? zero)[field]);
      const cv = field === 'spend' ? normaliseDecimal((c ?? zero).spend) : String((c ?? zero)[field]);
      if (pv !== cv) diffs.push({ scope: 'daily', campaignId, day, field, postgres: pv, clickhouse: cv });
    }
  }
  return diffs.sort((a, b) => a.campaignId - b.campaignId || String(a.day).localeCompare(String(b.day)));
}
