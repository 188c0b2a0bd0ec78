/**
 * ClickHouse row versions. A run that reads xid range [from, to) writes live rows
 * with version 2·to and tombstones with 2·to − 1: later runs always win (to only
 * grows), and within one run a row that exists now beats a delete logged earlier
 * for the same key (deleted and re-inserted, or moved back).
 */
export function rowVersion(toXid: bigint): bigint {
  return 2n * toXid;
}

export function tombstoneVersion(toXid: bigint): bigint {
  return 2n * toXid - 1n;
}

/** Versions a run with upper bound toXid writes, inclusive, for finding what it touched. */
export function runVersionRange(toXid: bigint): { lo: bigint; hi: bigint } {
  return { lo: tombstoneVersion(toXid), hi: rowVersion(toXid) };
}

/** The largest UInt64, for "every version" (full rebuilds). */
export const maxVersion = 2n ** 64n - 1n;
