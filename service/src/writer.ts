/**
 * Writes queued items to DynamoDB: BatchWriteCommand with up to 25 items, several batches in flight, each batch
 * retried with full-jitter back-off until every item is accepted (unprocessed items, throttling, network errors,
 * 5xx). Only errors that no retry can cure (a missing table, a refused permission, an invalid request) are fatal.
 */
import { BatchWriteCommand, type BatchWriteCommandOutput } from "@aws-sdk/lib-dynamodb";
import { jitteredDelay } from "./backoff";
import type { PostItem } from "./item";
import type { BoundedQueue } from "./queue";

/** DynamoDB's limit of items per BatchWriteItem. */
export const BATCH_SIZE = 25;

const FATAL = new Set(["ValidationException", "ResourceNotFoundException", "AccessDeniedException", "UnrecognizedClientException"]);

/** True for an error that retrying cannot cure. */
export function isFatalWriteError(error: unknown): boolean {
  return error instanceof Error && FATAL.has(error.name);
}

/** What the writer needs of a DynamoDBDocumentClient. */
export interface BatchSender {
  send(command: BatchWriteCommand): Promise<BatchWriteCommandOutput>;
}

/** Settings of the writer. */
export interface WriterOptions {
  readonly table: string;
  /** Batches in flight. */
  readonly concurrency: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
}

/** What the writer reports. */
export interface WriterEvents {
  stored(count: number, latencyMs: number): void;
  duplicates(count: number): void;
  /** A retry after `reason` ("unprocessed" or an error name). */
  retry(reason: string, items: number): void;
  /** Items left the queue: the reader may resume. */
  took(): void;
  fatal(error: unknown): void;
}

function keyOf(item: { readonly user?: unknown; readonly date?: unknown }): string {
  return `${String(item.user)}\u0000${String(item.date)}`;
}

/** Drains a queue of items into one table. */
export class BatchWriter {
  private inFlight = 0;
  private itemsInFlight = 0;
  private failed = false;
  private idleWaiters: Array<() => void> = [];

  /** @param sleep waits between retries. */
  constructor(
    private readonly doc: BatchSender,
    private readonly queue: BoundedQueue<PostItem>,
    private readonly options: WriterOptions,
    private readonly events: WriterEvents,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Batches being written. */
  get batchesInFlight(): number {
    return this.inFlight;
  }

  /** Items taken from the queue and not yet accepted by DynamoDB. */
  get unwrittenInFlight(): number {
    return this.itemsInFlight;
  }

  /** Starts batches while there are items and free slots; call after each push. */
  kick(): void {
    while (!this.failed && this.inFlight < this.options.concurrency && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.events.took();
      this.inFlight += 1;
      this.itemsInFlight += batch.length;
      void this.write(batch).then(() => {
        this.inFlight -= 1;
        this.kick();
        if (this.inFlight === 0 && this.queue.length === 0) this.notifyIdle();
      });
    }
  }

  /** Resolves when the queue is empty and no batch is in flight. */
  idle(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Up to 25 items with distinct keys: a post delivered twice (after a reconnect) is written once. */
  private takeBatch(): PostItem[] {
    const byKey = new Map<string, PostItem>();
    while (byKey.size < BATCH_SIZE && this.queue.length > 0) {
      for (const item of this.queue.take(BATCH_SIZE - byKey.size)) {
        const key = keyOf(item);
        if (byKey.has(key)) this.events.duplicates(1);
        byKey.set(key, item);
      }
    }
    return [...byKey.values()];
  }

  private async write(items: PostItem[]): Promise<void> {
    const { table, retryBaseMs, retryMaxMs } = this.options;
    let pending = items;
    let attempt = 0;
    while (pending.length > 0 && !this.failed) {
      const started = performance.now();
      try {
        const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending.map((Item) => ({ PutRequest: { Item } })) } }));
        const left = out.UnprocessedItems?.[table] ?? [];
        this.itemsInFlight -= pending.length - left.length;
        this.events.stored(pending.length - left.length, performance.now() - started);
        if (left.length === 0) return;
        const unprocessed = new Set(left.map((request) => keyOf(request.PutRequest?.Item ?? {})));
        pending = pending.filter((item) => unprocessed.has(keyOf(item)));
        this.events.retry("unprocessed", pending.length);
      } catch (error) {
        if (isFatalWriteError(error)) {
          this.failed = true;
          this.events.fatal(error);
          return;
        }
        this.events.retry(error instanceof Error ? error.name : "error", pending.length);
      }
      attempt += 1;
      await this.sleep(jitteredDelay(retryBaseMs, retryMaxMs, attempt));
    }
  }
}
