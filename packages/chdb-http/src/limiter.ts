/** A FIFO semaphore: at most `max` holders at once, the rest wait in arrival order. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`Limiter needs a positive integer, got ${max}`);
  }

  /** Wait for a slot; the returned function gives it back (idempotent). */
  async acquire(): Promise<() => void> {
    if (this.active < this.max) this.active += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // slot handed over by release
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next !== undefined) next();
      else this.active -= 1;
    };
  }
}
