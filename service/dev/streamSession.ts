import type { ServerResponse } from "node:http";
import type { OutboundQueue, Outgoing } from "./outbound";

/** What a session asks of the server that owns it. */
export interface SessionHooks {
  /** The line (without `\r\n`) for an item, or undefined to skip it. */
  render(item: Outgoing): string | undefined;
  /** Items whose bytes were all handed to the socket. */
  delivered(items: readonly Outgoing[]): void;
  /**
   * Called once when the connection is gone, with the items it took but did not fully write, in order;
   * `byClient` when the client closed it (X then keeps counting it for a while).
   */
  closed(undelivered: Outgoing[], byClient: boolean): void;
  /** Items lost with a connection dropped for reading too slowly (X does not re-send them). */
  lost(items: readonly Outgoing[]): void;
}

/** Timing of a session. */
export interface SessionTiming {
  /** Shortest gap between two heartbeats. */
  readonly heartbeatIntervalMs: number;
  /** Each gap is longer by a random share of this (X: "at least every 20 s", gaps of 21-22 s are reported). */
  readonly heartbeatJitterMs: number;
  /** A client that takes no data for this long while X has data for it is dropped, its buffer lost. */
  readonly slowReaderTimeoutMs: number;
}

/** Lines are written in batches of about this many characters: one `write()` per batch, not per post. */
const BATCH_CHARS = 16 * 1024;

/**
 * One open `GET /2/tweets/search/stream` response: writes queued items as `\r\n`-terminated lines, a bare `\r\n`
 * heartbeat every interval, and honours backpressure (when `write()` returns false it stops reading the queue until
 * `drain`), so the queue, not Node's socket buffer, holds whatever the client has not read yet.
 */
export class StreamSession {
  private readonly inFlight: Array<{ items: Outgoing[] }> = [];
  private heartbeat: NodeJS.Timeout | undefined;
  private silenceTimer: NodeJS.Timeout | undefined;
  private slowTimer: NodeJS.Timeout | undefined;
  private waitingForDrain = false;
  private droppedSlow = false;
  /** Set once the session must write nothing more: closed, ending or being dropped. */
  private stopped = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly queue: OutboundQueue,
    private readonly hooks: SessionHooks,
    private readonly timing: SessionTiming,
  ) {
    this.scheduleHeartbeat();
    res.on("close", () => this.onClose());
  }

  /** True once the client was dropped for reading too slowly. */
  get droppedForSlowReading(): boolean {
    return this.droppedSlow;
  }

  private scheduleHeartbeat(): void {
    const gap = this.timing.heartbeatIntervalMs + Math.random() * this.timing.heartbeatJitterMs;
    this.heartbeat = setTimeout(() => {
      if (this.stopped) return;
      if (this.silenceTimer === undefined) this.res.write("\r\n");
      this.scheduleHeartbeat();
    }, gap);
  }

  /** Writes whatever is queued, as far as the socket takes it. */
  wake(): void {
    while (!this.stopped && !this.waitingForDrain && this.silenceTimer === undefined) {
      const items: Outgoing[] = [];
      let text = "";
      while (text.length < BATCH_CHARS) {
        const next = this.takeRenderable();
        if (next === undefined) break;
        items.push(next.item);
        text += `${next.line}\r\n`;
      }
      if (items.length === 0) return;
      const batch = { items };
      this.inFlight.push(batch);
      if (!this.res.write(text, (error) => this.acknowledge(batch, error))) {
        this.waitingForDrain = true;
        this.slowTimer = setTimeout(() => this.dropSlowReader(), this.timing.slowReaderTimeoutMs);
        this.res.once("drain", () => {
          clearTimeout(this.slowTimer);
          this.waitingForDrain = false;
          this.wake();
        });
      }
    }
  }

  /** Sends nothing at all, not even heartbeats, for `ms`; then resumes. */
  silence(ms: number): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      this.silenceTimer = undefined;
      this.wake();
    }, ms);
  }

  /**
   * Destroys the socket without ending the HTTP response. With `partialLine`, first writes the first half of the
   * next item's bytes (possibly splitting a UTF-8 sequence), as a connection cut mid-post does; that item counts as
   * undelivered.
   */
  drop(partialLine: boolean): void {
    if (this.stopped) return;
    this.stopped = true;
    const socket = this.res.socket;
    const next = partialLine ? this.takeRenderable() : undefined;
    if (next === undefined) {
      socket?.destroy();
      return;
    }
    this.inFlight.push({ items: [next.item] });
    const bytes = Buffer.from(`${next.line}\r\n`, "utf8");
    this.res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => socket?.destroy());
  }

  /** Writes `line` (an in-stream error object, say) after what is already written, then ends the response. */
  endWith(line: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.res.end(`${line}\r\n`);
  }

  /** X's answer to a client that reads too slowly: the connection is closed and what it had buffered is lost. */
  private dropSlowReader(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.droppedSlow = true;
    const lost = this.inFlight.flatMap((batch) => batch.items);
    this.inFlight.length = 0;
    this.hooks.lost(lost);
    this.res.socket?.destroy();
  }

  private takeRenderable(): { item: Outgoing; line: string } | undefined {
    for (let item = this.queue.next(); item !== undefined; item = this.queue.next()) {
      const line = this.hooks.render(item);
      if (line !== undefined) return { item, line };
    }
    return undefined;
  }

  private acknowledge(batch: { items: Outgoing[] }, error: Error | null | undefined): void {
    const at = this.inFlight.indexOf(batch);
    if (error !== null && error !== undefined) return;
    if (at < 0) return;
    this.inFlight.splice(at, 1);
    this.hooks.delivered(batch.items);
  }

  private onClose(): void {
    const byClient = !this.stopped;
    this.stopped = true;
    clearTimeout(this.heartbeat);
    clearTimeout(this.silenceTimer);
    clearTimeout(this.slowTimer);
    const undelivered = this.inFlight.flatMap((batch) => batch.items);
    this.inFlight.length = 0;
    this.hooks.closed(undelivered, byClient);
  }
}
