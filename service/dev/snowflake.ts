/** Twitter's snowflake epoch (2010-11-04T01:42:54.657Z), the zero of every post and rule id. */
const TWITTER_EPOCH_MS = 1288834974657n;

/**
 * Builds snowflake-like ids as X does: milliseconds since the Twitter epoch shifted left by 22 bits, then a
 * 10-bit worker id and a 12-bit sequence. Ids from one instance are strictly increasing decimal strings
 * (19 digits for any time after 2022), which is what X promises of post and rule ids.
 */
export class SnowflakeIds {
  private lastMs = -1n;
  private sequence = 0n;

  /** @param workerId 0-1023, mixed into every id. */
  constructor(private readonly workerId: number) {}

  /** The next id for a post or rule created at `timeMs` (epoch milliseconds); never smaller than the last one. */
  next(timeMs: number): string {
    let ms = BigInt(Math.floor(timeMs)) - TWITTER_EPOCH_MS;
    if (ms <= this.lastMs) {
      ms = this.lastMs;
      this.sequence += 1n;
      if (this.sequence > 4095n) {
        ms += 1n;
        this.sequence = 0n;
      }
    } else {
      this.sequence = 0n;
    }
    this.lastMs = ms;
    return ((ms << 22n) | (BigInt(this.workerId & 1023) << 12n) | this.sequence).toString();
  }
}
