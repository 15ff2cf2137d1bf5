/**
 * Writes queued items to DynamoDB: BatchWriteCommand with up to 25 requests, several batches in flight, each batch
 * retried with full-jitter back-off until every request is accepted (unprocessed items, throttling, network errors,
 * 5xx). Only errors that no retry can cure (a missing table, a refused permission, an invalid request) are fatal.
 * An edited post's item deletes the items of its earlier versions in the same batch (`DeleteRequest`).
 */
import { BatchWriteCommand, type BatchWriteCommandOutput } from "@aws-sdk/lib-dynamodb";
import { jitteredDelay } from "../stream/backoff";
import type { ItemKey, PostItem } from "../intake/item";
import type { SpillingQueue } from "../queue/queue";

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
  fatal(error: unknown): void;
  /** Earlier versions of edited posts deleted. @default - not reported */
  replaced?(count: number): void;
}

/** One request of a BatchWriteCommand: a put of an item, or the delete of an earlier version's key. */
type WriteRequest = { readonly PutRequest: { readonly Item: PostItem } } | { readonly DeleteRequest: { readonly Key: ItemKey } };

function keyOf(item: { readonly user?: unknown; readonly date?: unknown }): string {
  return `${String(item.user)}\u0000${String(item.date)}`;
}

function requestKey(request: { PutRequest?: { Item?: object }; DeleteRequest?: { Key?: object } }): string {
  return keyOf(request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {});
}

/** The item as stored: without `replaces`, which is not an attribute. */
function stored(item: PostItem): PostItem {
  if (item.replaces === undefined) return item;
  const { replaces: _keys, ...rest } = item;
  return rest;
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
    private readonly queue: SpillingQueue<PostItem>,
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
      if (batch.length === 0) break;
      this.inFlight += 1;
      this.itemsInFlight += batch.length;
      void this.write(batch).then(() => {
        this.inFlight -= 1;
        this.kick();
      });
    }
    if (this.inFlight === 0 && this.queue.length === 0) this.notifyIdle();
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

  /**
   * Up to 25 items with distinct keys, and the deletes of the earlier versions they replace: a post delivered twice
   * (after a reconnect) is written once, and a key both put and deleted in one batch (a version and its edit) is
   * deleted, since DynamoDB refuses two requests on one key.
   */
  private takeBatch(): WriteRequest[] {
    const byKey = new Map<string, WriteRequest>();
    let items = 0;
    while (items < BATCH_SIZE && this.queue.length > 0) {
      const taken = this.queue.take(BATCH_SIZE - items);
      if (taken.length === 0) break;
      items += taken.length;
      for (const item of taken) {
        const key = keyOf(item);
        const earlier = byKey.get(key);
        if (earlier !== undefined) {
          if ("DeleteRequest" in earlier) continue;
          this.events.duplicates(1);
        }
        if (item.replaces !== undefined)
          for (const k of item.replaces) byKey.set(keyOf(k), { DeleteRequest: { Key: { user: k.user, date: k.date } } });
        byKey.set(key, { PutRequest: { Item: stored(item) } });
      }
    }
    return [...byKey.values()];
  }

  /** Sends `requests` in BatchWriteCommands of at most 25 (more only when edits brought deletes). */
  private async write(requests: WriteRequest[]): Promise<void> {
    for (let at = 0; at < requests.length && !this.failed; at += BATCH_SIZE) await this.writeBatch(requests.slice(at, at + BATCH_SIZE));
  }

  private async writeBatch(requests: WriteRequest[]): Promise<void> {
    const { table, retryBaseMs, retryMaxMs } = this.options;
    let pending = requests;
    let attempt = 0;
    while (pending.length > 0 && !this.failed) {
      const started = performance.now();
      try {
        const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        const left = out.UnprocessedItems?.[table] ?? [];
        const unprocessed = left.length === 0 ? undefined : new Set(left.map(requestKey));
        this.accepted(unprocessed === undefined ? pending : pending.filter((r) => !unprocessed.has(requestKey(r))), performance.now() - started);
        if (unprocessed === undefined) return;
        pending = pending.filter((r) => unprocessed.has(requestKey(r)));
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

  /** Reports the requests DynamoDB accepted: puts as stored, deletes as replaced versions. */
  private accepted(requests: readonly WriteRequest[], latencyMs: number): void {
    let deletes = 0;
    for (const r of requests) if ("DeleteRequest" in r) deletes += 1;
    this.itemsInFlight -= requests.length;
    this.events.stored(requests.length - deletes, latencyMs);
    if (deletes > 0) this.events.replaced?.(deletes);
  }
}
