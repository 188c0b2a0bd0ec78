import { requireInstant, requireSeed } from '../inputs.ts';
import { createRng, randomSeed, type Rng } from '../random.ts';

/** Optional knobs every generator operation takes. */
export interface GenerationOptions {
  /** Same seed (and same `now`, same starting ids) → same rows. Random when absent. */
  readonly seed?: number | undefined;
  /** The instant generated data is relative to; the current time when absent. */
  readonly now?: Date | undefined;
}

/** Resolved seed, its Rng and "now" for one operation. */
export interface Generation {
  readonly seed: number;
  readonly rng: Rng;
  readonly now: Date;
}

/** Resolve defaults and validate; the seed is returned so a run can be reproduced. */
export function startGeneration(opts: GenerationOptions): Generation {
  const seed = opts.seed === undefined ? randomSeed() : requireSeed(opts.seed);
  const now = opts.now === undefined ? new Date() : requireInstant(opts.now);
  return { seed, rng: createRng(seed), now };
}
