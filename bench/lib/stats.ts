/** Timing and summary statistics for the benches (wall clock, high resolution). */

/** Nearest-rank percentile of unsorted samples; p in [0, 100]. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Runs fn once and returns its result with the elapsed milliseconds. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Median of `runs` timings of fn (after one warm-up run), in milliseconds. */
export function medianMs(runs: number, fn: () => unknown): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(timed(fn).ms);
  return percentile(samples, 50);
}

/** Per-call latency in microseconds, one sample per call (process.hrtime for sub-µs resolution). */
export function perCallMicros<T>(items: readonly T[], fn: (item: T) => unknown): number[] {
  const samples = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) {
    const start = process.hrtime.bigint();
    fn(items[i] as T);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  return samples;
}

/**
 * Median of up to `maxRuns` timings, stopping early once `budgetMs` is spent: a stage that is far
 * off its target is measured once instead of stalling the whole run.
 */
export function budgetedMedianMs(
  maxRuns: number,
  budgetMs: number,
  fn: () => unknown,
): { ms: number; runs: number } {
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < maxRuns && (samples.length === 0 || spent < budgetMs)) {
    const ms = timed(fn).ms;
    samples.push(ms);
    spent += ms;
  }
  return { ms: percentile(samples, 50), runs: samples.length };
}

/** A full GC between cases when node runs with --expose-gc (npm run bench does), else nothing. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
