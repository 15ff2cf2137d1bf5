/**
 * The FIFO between reading the stream and writing to DynamoDB (X recommends one), and the reader's policy when it
 * is full. X buffers a slow reader only for a while, then drops it and loses what it had buffered
 * (https://docs.x.com/x-api/fundamentals/handling-disconnections: "Client too slow"), so the reader pauses for at
 * most `maxPauseMs`, then reads on and drops (and counts) the matched posts over capacity until the writers have
 * caught up: a loss the service measures and logs, instead of one X causes unseen.
 */
export class BoundedQueue<T> {
  private items: (T | undefined)[];
  private head = 0;
  private size = 0;
  private shedding = false;
  private highWater = 0;
  /** Items refused by {@link push} while shedding, since the start. */
  dropped = 0;

  /** @param capacity the length at which the reader is asked to pause; while shedding, the most items held. */
  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  /** Items waiting. */
  get length(): number {
    return this.size;
  }

  /**
   * Appends an item; returns false when the queue is now at or over capacity. While shedding, an item that would
   * take the queue over capacity is dropped and counted in {@link dropped} (and false returned).
   */
  push(item: T): boolean {
    if (this.shedding && this.size >= this.capacity) {
      this.dropped += 1;
      return false;
    }
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) % this.items.length] = item;
    this.size += 1;
    if (this.size > this.highWater) this.highWater = this.size;
    return this.size < this.capacity;
  }

  /** The most items waiting at once since the previous call (or the start); the next period starts at the length now. */
  takeHighWater(): number {
    const peak = this.highWater;
    this.highWater = this.size;
    return peak;
  }

  /** Removes and returns up to `max` items, oldest first. */
  take(max: number): T[] {
    const n = Math.min(max, this.size);
    const out = new Array<T>(n);
    for (let i = 0; i < n; i += 1) {
      const at = (this.head + i) % this.items.length;
      out[i] = this.items[at] as T;
      this.items[at] = undefined;
    }
    this.head = (this.head + n) % this.items.length;
    this.size -= n;
    return out;
  }

  /** True when the reader may resume: at or below half the capacity. */
  get belowLowWater(): boolean {
    return this.size <= this.capacity / 2;
  }

  /** True while items over capacity are dropped. */
  get isShedding(): boolean {
    return this.shedding;
  }

  /** Starts or ends dropping items over capacity. */
  shed(on: boolean): void {
    this.shedding = on;
  }

  private grow(): void {
    const bigger = new Array<T | undefined>(this.items.length * 2);
    for (let i = 0; i < this.size; i += 1) bigger[i] = this.items[(this.head + i) % this.items.length];
    this.items = bigger;
    this.head = 0;
  }
}

/** What {@link Backpressure} drives. */
export interface BackpressureHooks {
  /** Stop reading the stream. */
  pause(): void;
  /** Read the stream again. */
  resume(): void;
  /** Posts were dropped: `count` since the last call, `total` since the start. */
  dropped(count: number, total: number): void;
}

/**
 * The reader's reaction to a full queue: pause; after `maxPauseMs` still full, resume and shed (drop what the queue
 * cannot hold) until the writers take it down to half. Drops are reported at once, then at most every
 * `reportIntervalMs`, and when shedding ends.
 */
export class Backpressure<T> {
  private timer: NodeJS.Timeout | undefined;
  private paused = false;
  private reported = 0;
  private reportedAt = 0;

  constructor(
    private readonly queue: BoundedQueue<T>,
    private readonly maxPauseMs: number,
    private readonly reportIntervalMs: number,
    private readonly hooks: BackpressureHooks,
  ) {}

  /** True while the reader is paused. */
  get isPaused(): boolean {
    return this.paused;
  }

  /** The queue refused an item or reached capacity. */
  full(): void {
    if (this.queue.isShedding) {
      this.report(false);
      return;
    }
    if (this.paused) return;
    if (this.maxPauseMs === 0) {
      this.startShedding();
      return;
    }
    this.paused = true;
    this.hooks.pause();
    this.timer = setTimeout(() => this.startShedding(), this.maxPauseMs);
  }

  /** The writers took items: resume, or stop shedding, once the queue is down to half. */
  took(): void {
    if (!this.queue.belowLowWater) return;
    if (this.paused) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.paused = false;
      this.hooks.resume();
    }
    if (this.queue.isShedding) {
      this.queue.shed(false);
      this.report(true);
    }
  }

  /** Clears the timer (at shutdown). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private startShedding(): void {
    this.timer = undefined;
    this.queue.shed(true);
    if (this.paused) {
      this.paused = false;
      this.hooks.resume();
    }
  }

  private report(force: boolean): void {
    const count = this.queue.dropped - this.reported;
    if (count === 0) return;
    const now = performance.now();
    if (!force && this.reported > 0 && now - this.reportedAt < this.reportIntervalMs) return;
    this.reported = this.queue.dropped;
    this.reportedAt = now;
    this.hooks.dropped(count, this.queue.dropped);
  }
}
