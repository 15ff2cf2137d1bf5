/** Latency percentiles in constant memory: logarithmic buckets, 5 % apart, from 0.1 ms to about 2 hours. */

const MIN_MS = 0.1;
const RATIO = 1.05;
const LOG_RATIO = Math.log(RATIO);
const BUCKETS = 400;

/** A histogram of durations in milliseconds. */
export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private total = 0;

  /** Number of recorded values. */
  get count(): number {
    return this.total;
  }

  /** Records one duration. */
  record(ms: number): void {
    const i = ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / MIN_MS) / LOG_RATIO));
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.total += 1;
  }

  /**
   * The value at quantile `q` (0..1), as the upper bound of its bucket rounded to 0.1 ms (at most 5 % high);
   * null when nothing was recorded.
   */
  percentile(q: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i += 1) {
      seen += this.counts[i] ?? 0;
      if (seen >= rank) return Math.round(MIN_MS * RATIO ** i * 10) / 10;
    }
    return null;
  }

  /**
   * `n` (at least 2) evenly spaced quantiles, from 0 to 1 inclusive, each as {@link percentile} gives it; empty when
   * nothing was recorded.
   */
  quantiles(n: number): number[] {
    if (this.total === 0) return [];
    return Array.from({ length: n }, (_, i) => this.percentile(i / (n - 1)) ?? 0);
  }

  /** Forgets everything recorded. */
  reset(): void {
    this.counts.fill(0);
    this.total = 0;
  }
}
