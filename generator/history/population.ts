// The synthetic user population. A user's targeting attributes are a pure function of
// the user id, so the same user has the same country, device and age band in every
// campaign and every run, and segment reach (unique users) is well defined.

/** Users in the population; ids are 1..POPULATION. */
export const POPULATION = 2_000_000;

type Mix = readonly (readonly [string, number])[];

/** Attribute values and their shares of the population. */
export const attributeMix = {
  country: [['DE', 0.3], ['US', 0.22], ['FR', 0.14], ['GB', 0.14], ['PL', 0.12], ['NL', 0.08]],
  device_type: [['mobile', 0.58], ['desktop', 0.32], ['tablet', 0.1]],
  age_band: [['18-24', 0.16], ['25-34', 0.28], ['35-44', 0.24], ['45-54', 0.18], ['55+', 0.14]],
} as const satisfies Record<string, Mix>;

/** Targeting attributes an impression carries. */
export type Attribute = keyof typeof attributeMix;

/** 32-bit integer hash (Murmur3's finaliser): cheap, well mixed, the same everywhere. */
function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const salts: Record<Attribute, number> = { country: 0x9e3779b1, device_type: 0x7f4a7c15, age_band: 0x2545f491 };

function pickShare(mixture: Mix, u: number): string {
  let acc = 0;
  for (const [value, share] of mixture) if (u < (acc += share)) return value;
  return mixture[mixture.length - 1]![0];
}

/** A user's value of one attribute. */
export function userAttribute(userId: number, attribute: Attribute): string {
  return pickShare(attributeMix[attribute], mix32(userId ^ salts[attribute]));
}

const byCountry = new Map<string, Int32Array>();

/** Every user id of one country, ascending (built once per process, ~30 ms). */
export function usersOfCountry(country: string): Int32Array {
  let ids = byCountry.get(country);
  if (ids === undefined) {
    const all: number[] = [];
    for (let id = 1; id <= POPULATION; id++) if (userAttribute(id, 'country') === country) all.push(id);
    ids = Int32Array.from(all);
    byCountry.set(country, ids);
  }
  return ids;
}
