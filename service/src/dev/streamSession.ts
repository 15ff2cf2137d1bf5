import type { ServerResponse } from "node:http";
import type { OutboundQueue, Outgoing } from "./outbound";

/** What a session asks of the server that owns it. */
export interface SessionHooks {
  /** The line (without `\r\n`) for an item, or undefined to skip it. */
  render(item: Outgoing): string | undefined;
  /** Items whose bytes were all handed to the socket. */
  delivered(items: readonly Outgoing[]): void;
  /** Called once when the connection is gone, with the items it took but did not fully write, in order. */
  closed(undelivered: Outgoing[]): void;
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
  private readonly heartbeat: NodeJS.Timeout;
  private silenceTimer: NodeJS.Timeout | undefined;
  private waitingForDrain = false;
  /** Set once the session must write nothing more: closed, ending or being dropped. */
  private stopped = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly queue: OutboundQueue,
    private readonly hooks: SessionHooks,
    heartbeatIntervalMs: number,
  ) {
    this.heartbeat = setInterval(() => {
      if (!this.stopped && this.silenceTimer === undefined) res.write("\r\n");
    }, heartbeatIntervalMs);
    res.on("close", () => this.onClose());
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
        this.res.once("drain", () => {
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
    this.stopped = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.silenceTimer);
    const undelivered = this.inFlight.flatMap((batch) => batch.items);
    this.inFlight.length = 0;
    this.hooks.closed(undelivered);
  }
}
