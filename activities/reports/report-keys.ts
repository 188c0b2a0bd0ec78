/** Keys of a delta or of the initial load: rows whose version lies in [versionLo, versionHi]. */
export interface DeltaKeys {
  /** The default: what trackDeltas and initialLoad send. */
  readonly keys?: 'delta';
  /** Decimal UInt64 (bigints do not survive JSON). */
  readonly versionLo: string;
  readonly versionHi: string;
}

/** Keys of a backfill: days [dayFrom, dayTo] (default every day) of all or some campaigns. */
export interface ScopeKeys {
  readonly keys: 'scope';
  readonly dayFrom?: string;
  readonly dayTo?: string;
  /** Campaign ids, or 'all'. */
  readonly campaigns: readonly number[] | 'all';
  /** Rebuild campaign_daily first (true), or only campaign_totals from it. */
  readonly daily: boolean;
}

/** Which report keys one rebuild covers. */
export type RebuildInput = DeltaKeys | ScopeKeys;

/** What a mode's keys come to: the key selections (files under sql/) and their parameters. */
export interface KeySelection {
  /** (campaign_id, day) keys for rebuild-daily.sql, or null to rebuild only the totals. */
  readonly dailyKeys: string | null;
  /** campaign_id keys for rebuild-totals.sql. */
  readonly totalsKeys: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Names the work in error messages. */
  readonly doing: string;
}

/** Every day Date32 holds: a scope without days, as a campaign's full repricing needs. */
export const allDays = { dayFrom: '1900-01-01', dayTo: '2299-12-31' } as const;

/** The key selection of a rebuild input: the delta and the backfill differ only here. */
export function keySelection(input: RebuildInput): KeySelection {
  if (input.keys !== 'scope') {
    return {
      dailyKeys: 'reports/keys/delta-days.sql',
      totalsKeys: 'reports/keys/delta-campaigns.sql',
      params: { version_lo: input.versionLo, version_hi: input.versionHi },
      doing: 'rebuilding reports',
    };
  }
  return {
    dailyKeys: input.daily ? 'reports/keys/scope-days.sql' : null,
    totalsKeys: 'reports/keys/scope-campaigns.sql',
    params: {
      day_from: input.dayFrom ?? allDays.dayFrom,
      day_to: input.dayTo ?? allDays.dayTo,
      all_campaigns: input.campaigns === 'all' ? 1 : 0,
      campaign_ids: input.campaigns === 'all' ? [] : [...input.campaigns],
    },
    doing: 'rebuilding reports for a backfill',
  };
}
