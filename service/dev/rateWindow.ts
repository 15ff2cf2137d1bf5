/**
 * A fixed rate-limit window, as X counts requests per endpoint and app (the stream connect: 50 per 15 minutes;
 * https://docs.x.com/x-api/fundamentals/rate-limits), and the `x-rate-limit-*` headers X sends with every answer.
 */
export class RateWindow {
  private start = 0;
  private used = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a request; false when the window's limit was already reached (the request gets a 429). */
  take(nowMs: number = Date.now()): boolean {
    this.roll(nowMs);
    if (this.used >= this.limit) return false;
    this.used += 1;
    return true;
  }

  /** `x-rate-limit-limit`, `x-rate-limit-remaining` and `x-rate-limit-reset` (epoch seconds) of the window now. */
  headers(nowMs: number = Date.now()): Record<string, string> {
    this.roll(nowMs);
    return {
      "x-rate-limit-limit": String(this.limit),
      "x-rate-limit-remaining": String(Math.max(this.limit - this.used, 0)),
      "x-rate-limit-reset": String(Math.ceil((this.start + this.windowMs) / 1000)),
    };
  }

  /** Spends what is left of the window (a scripted rate-limit 429). */
  exhaust(nowMs: number = Date.now()): void {
    this.roll(nowMs);
    this.used = this.limit;
  }

  private roll(nowMs: number): void {
    if (nowMs >= this.start + this.windowMs) {
      this.start = nowMs;
      this.used = 0;
    }
  }
}
