import type { FakePost } from "./fakePost";

/** One thing to write on the stream: a raw line (sent as is) or a post (rendered when written). */
export type Outgoing = { readonly kind: "line"; readonly line: string } | { readonly kind: "post"; readonly post: FakePost };

type Entry = Outgoing | { readonly kind: "source"; readonly items: Iterator<FakePost | string> };

/**
 * The FIFO between the test (or benchmark) and the stream: items wait here until a connection writes them.
 * A source (any iterable of posts or raw lines) takes its place in the order and is read lazily, one item at a
 * time as the socket accepts data, so a benchmark of 100,000 posts never holds more than a few in memory.
 */
export class OutboundQueue {
  private entries: Entry[] = [];
  private head = 0;

  /** Appends raw lines and posts, in order. */
  push(...items: Outgoing[]): void {
    this.entries.push(...items);
  }

  /** Appends a lazily read source of posts and raw lines. */
  pushSource(source: Iterable<FakePost | string>): void {
    this.entries.push({ kind: "source", items: source[Symbol.iterator]() });
  }

  /** Puts items back at the front, in order: the ones a dropped connection took but never delivered. */
  requeue(items: readonly Outgoing[]): void {
    if (items.length === 0) return;
    this.entries = [...items, ...this.entries.slice(this.head)];
    this.head = 0;
  }

  /** The next item, or undefined when nothing is waiting. */
  next(): Outgoing | undefined {
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head];
      if (entry.kind !== "source") {
        this.advance();
        return entry;
      }
      const step = entry.items.next();
      if (step.done !== true) {
        return typeof step.value === "string" ? { kind: "line", line: step.value } : { kind: "post", post: step.value };
      }
      this.advance();
    }
    return undefined;
  }

  private advance(): void {
    this.head += 1;
    if (this.head >= 1024 && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
