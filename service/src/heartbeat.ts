/**
 * The service's liveness without an HTTP server: while the stream is alive (a post, or X's keep-alive newline, which X
 * sends every 20 s: https://docs.x.com/x-api/fundamentals/handling-disconnections) the service rewrites a heartbeat
 * file in the task's `/tmp` volume; the container health check (`health.ts`) fails once the file is older than the
 * reconnect policy allows.
 */
import { longestWaitMs, type BackoffPolicy } from "./backoff";

/**
 * How old the heartbeat may be before the stream counts as dead for longer than the reconnect policy allows: the
 * silence after which the service itself calls the connection dead (`stallTimeoutMs`), then the longest wait the
 * policy prescribes before the next attempt ({@link longestWaitMs}), then that attempt, which the same stall timer
 * bounds. An outage longer than one such recovery (X down, or a usage cap whose reset is later) fails the check, and
 * ECS replaces the task.
 */
export function staleAfterMs(policy: BackoffPolicy, stallTimeoutMs: number): number {
  return stallTimeoutMs + longestWaitMs(policy) + stallTimeoutMs;
}

/** The most often the heartbeat file is written: once a second, or four times per bound when that is shorter. */
export function beatIntervalMs(staleAfter: number): number {
  return Math.min(1000, Math.floor(staleAfter / 4));
}

/** What the health check found. */
export interface HealthVerdict {
  readonly healthy: boolean;
  /** One line for the health check's output (ECS keeps the last lines of it). */
  readonly message: string;
}

/**
 * Judges the heartbeat file's content (ms since the epoch, as {@link Heartbeat} writes it), or its absence.
 * @param content undefined when the file could not be read.
 */
export function judgeHeartbeat(content: string | undefined, nowMs: number, staleAfter: number): HealthVerdict {
  if (content === undefined) return { healthy: false, message: "no heartbeat file: the service has not started, or cannot write it" };
  const at = /^\d+$/.test(content.trim()) ? Number(content.trim()) : NaN;
  if (Number.isNaN(at)) return { healthy: false, message: `the heartbeat file holds no time: ${JSON.stringify(content.slice(0, 40))}` };
  const ageMs = nowMs - at;
  const healthy = ageMs <= staleAfter;
  return { healthy, message: `last heartbeat ${ageMs} ms ago, ${healthy ? "within" : "over"} the bound of ${staleAfter} ms` };
}

/** Writes the heartbeat file, at most once per interval. */
export class Heartbeat {
  private lastMs = -Infinity;
  private reported = false;

  /**
   * @param write replaces the file's content (atomically: the health check never reads half a file); may throw.
   * @param failed hears a failed write, once.
   * @param now a clock in ms. @default Date.now
   */
  constructor(
    private readonly intervalMs: number,
    private readonly write: (content: string) => void,
    private readonly failed: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stream is alive now; also called once at start, so that the first connect has the whole bound. */
  beat(): void {
    const t = this.now();
    if (t - this.lastMs < this.intervalMs) return;
    this.lastMs = t;
    try {
      this.write(String(t));
    } catch (error) {
      if (!this.reported) this.failed(error);
      this.reported = true;
    }
  }
}
