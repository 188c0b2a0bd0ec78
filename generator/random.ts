import { randomInt } from 'node:crypto';
import seedrandom from 'seedrandom';

/** A seedable source of randomness; the same seed gives the same sequence everywhere. */
export interface Rng {
  /** Uniform in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** Rng from a seed. Alea: fast, small state, portable (unlike PostgreSQL's random()). */
export function createRng(seed: number): Rng {
  const prng = seedrandom.alea(String(seed));
  const next = () => prng.double();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** A fresh seed for runs without --seed; reported so the run can be reproduced. */
export function randomSeed(): number {
  return randomInt(0, 2 ** 31);
}
