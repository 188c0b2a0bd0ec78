/** One measured line of the benchmark table. */
export interface Figure {
  readonly name: string;
  readonly rows: number;
  readonly ms: number;
  readonly peakRssMb: number;
}

/** Time `work` and record the process's peak RSS during it. */
export async function timed(
  name: string,
  rows: number,
  work: () => Promise<unknown>,
  rss: { reset(): void; peakMb(): number },
): Promise<Figure> {
  rss.reset();
  const t0 = performance.now();
  await work();
  return { name, rows, ms: performance.now() - t0, peakRssMb: rss.peakMb() };
}
