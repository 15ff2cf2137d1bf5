/**
 * The FIFO between reading the stream and writing to DynamoDB (X recommends one). It is bounded by back-pressure,
 * not by dropping: `push` always keeps the item and reports when the queue is at or over capacity, so the reader
 * pauses the stream until the writers have taken it back under the low-water mark.
 */
export class BoundedQueue<T> {
  private items: (T | undefined)[];
  private head = 0;
  private size = 0;

  /** @param capacity the length at which the reader is asked to pause. */
  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  /** Items waiting. */
  get length(): number {
    return this.size;
  }

  /** Appends an item; returns false when the queue is now at or over capacity. */
  push(item: T): boolean {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) % this.items.length] = item;
    this.size += 1;
    return this.size < this.capacity;
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

  private grow(): void {
    const bigger = new Array<T | undefined>(this.items.length * 2);
    for (let i = 0; i < this.size; i += 1) bigger[i] = this.items[(this.head + i) % this.items.length];
    this.items = bigger;
    this.head = 0;
  }
}
