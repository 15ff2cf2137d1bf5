/**
 * The FIFO between reading the stream and writing to DynamoDB (X recommends one). The reader never waits for it: X
 * closes a connection whose reader falls behind or stops reading suddenly, and loses what it had buffered for it
 * ("Client too slow", "Sudden read stop": https://docs.x.com/x-api/fundamentals/handling-disconnections). So the
 * queue holds items in memory up to a byte budget, then on the task's disk ({@link DiskSpill}) up to the disk's
 * budget, and gives them back oldest first; an item is dropped, and counted, only when both budgets are spent.
 */
import type { DiskSpill } from "./spill";

/** Where {@link SpillingQueue.push} put an item. */
export type Placement = "memory" | "disk" | "dropped";

const INITIAL_SLOTS = 1024;

/** A FIFO bounded by the bytes it holds in memory, which overflows to a {@link DiskSpill}. */
export class SpillingQueue<T> {
  private items = new Array<T | undefined>(INITIAL_SLOTS);
  private sizes = new Array<number>(INITIAL_SLOTS);
  private head = 0;
  private count = 0;
  private bytes = 0;
  private highWater = 0;
  private refused = 0;

  /**
   * @param memoryBudget the most bytes (by `sizeOf`) held in memory; one item is taken whatever its size when memory
   *   is empty, and a read back from disk may go over by one chunk (an eighth of the budget, at most 1 MiB).
   * @param spill where items go when memory is full; undefined: nowhere (they are dropped).
   * @param sizeOf an item's bytes in memory (an estimate that does not undercount).
   */
  constructor(
    readonly memoryBudget: number,
    private readonly spill: DiskSpill<T> | undefined,
    private readonly sizeOf: (item: T) => number,
  ) {}

  /** Items waiting, in memory and on disk. */
  get length(): number {
    return this.count + (this.spill?.length ?? 0);
  }

  /** Items lost since the start: refused by {@link push} with both budgets spent, or gone with a failed disk. */
  get dropped(): number {
    return this.refused + (this.spill?.lost ?? 0);
  }

  /** Items waiting in memory. */
  get inMemory(): number {
    return this.count;
  }

  /** Bytes held in memory (by the size estimate). */
  get memoryBytes(): number {
    return this.bytes;
  }

  /**
   * Appends an item: to memory while it fits and nothing waits on disk (so that the order holds), else to disk, else
   * (the disk budget spent, or the disk failed) to memory when it fits there, ahead of what waits on disk rather than
   * dropped; else it is dropped and counted in {@link dropped}.
   */
  push(item: T): Placement {
    const size = this.sizeOf(item);
    const fits = this.count === 0 || this.bytes + size <= this.memoryBudget;
    let placed: Placement;
    if (fits && (this.spill?.length ?? 0) === 0) placed = "memory";
    else if (this.spill?.append(item) === true) placed = "disk";
    else if (fits) placed = "memory";
    else {
      this.refused += 1;
      return "dropped";
    }
    if (placed === "memory") this.enqueue(item, size);
    if (this.length > this.highWater) this.highWater = this.length;
    return placed;
  }

  /** The most items waiting at once since the previous call (or the start); the next period starts at the length now. */
  takeHighWater(): number {
    const peak = this.highWater;
    this.highWater = this.length;
    return peak;
  }

  /**
   * Removes and returns up to `max` items, oldest first. When memory is down to half its budget, first reads the
   * oldest chunk of the disk back into memory. Empty only when nothing waits (or what waited on a failed disk is gone).
   */
  take(max: number): T[] {
    this.refill();
    const n = Math.min(max, this.count);
    const out = new Array<T>(n);
    for (let i = 0; i < n; i += 1) {
      const at = (this.head + i) % this.items.length;
      out[i] = this.items[at] as T;
      this.bytes -= this.sizes[at] ?? 0;
      this.items[at] = undefined;
    }
    this.head = (this.head + n) % this.items.length;
    this.count -= n;
    return out;
  }

  private refill(): void {
    const spill = this.spill;
    if (spill === undefined || spill.length === 0 || this.bytes > this.memoryBudget / 2) return;
    const chunk = Math.min(1024 * 1024, Math.max(16 * 1024, Math.floor(this.memoryBudget / 8)));
    for (const item of spill.read(chunk)) this.enqueue(item, this.sizeOf(item));
  }

  private enqueue(item: T, size: number): void {
    if (this.count === this.items.length) this.grow();
    const at = (this.head + this.count) % this.items.length;
    this.items[at] = item;
    this.sizes[at] = size;
    this.count += 1;
    this.bytes += size;
  }

  private grow(): void {
    const items = new Array<T | undefined>(this.items.length * 2);
    const sizes = new Array<number>(this.items.length * 2);
    for (let i = 0; i < this.count; i += 1) {
      const at = (this.head + i) % this.items.length;
      items[i] = this.items[at];
      sizes[i] = this.sizes[at] ?? 0;
    }
    this.items = items;
    this.sizes = sizes;
    this.head = 0;
  }
}

/**
 * Reports drops as errors with their count: at the first drop, then at most every `intervalMs` while drops go on,
 * and whenever {@link flush} is called (each stats line, and at stop), so that no drop stays unreported for long.
 */
export class DropLog {
  private reported = 0;
  private reportedAt = -Infinity;

  /**
   * @param emit one report: `count` since the previous one, `total` since the start.
   * @param now a clock in ms. @default performance.now
   */
  constructor(
    private readonly intervalMs: number,
    private readonly emit: (count: number, total: number) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Drops happened: `total` since the start. */
  dropped(total: number): void {
    if (this.now() - this.reportedAt < this.intervalMs) return;
    this.flush(total);
  }

  /** Reports the drops not reported yet, if any. */
  flush(total: number): void {
    const count = total - this.reported;
    if (count === 0) return;
    this.reported = total;
    this.reportedAt = this.now();
    this.emit(count, total);
  }
}
