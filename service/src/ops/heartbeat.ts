/**
 * The service's liveness without an HTTP server: while the stream is alive (a post, or X's keep-alive newline, which X
 * sends every 20 s: https://docs.x.com/x-api/fundamentals/handling-disconnections) the service rewrites a heartbeat
 * file in the task's `/tmp` volume; the container health check (`src/health.ts`) fails once the file is older than the
 * reconnect policy allows, and until the stream has delivered a line (a post or a keep-alive) since the service
 * started.
 */
import { HEALTHY, longestWaitMs, nextBackoff, type BackoffPolicy, type Disconnect } from "../stream/backoff";

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

/**
 * The refusals a task that has just started may meet before its first connection, each answered by the policy's first
 * wait for it: a network error, an HTTP error, X still counting the connection of the task a rollout just stopped
 * (429 TooManyConnections, which from a fresh start goes on the 1-minute 429 schedule), a request-rate 429, a 409 or a
 * 401 (retried at once); the token and rules requests of start-up retry on the same schedules (`x/recovery.ts`). A
 * usage cap is not one of them: while the plan's cap is spent nothing can be read, and the task is unhealthy until the
 * reset, like a task already running.
 */
const START_REFUSALS: readonly Disconnect[] = ["network", "http", "too-many-connections", "rate-limited", "no-rules", "unauthorized"];

/**
 * How long after start the stream may take to deliver its first line: one attempt (which the stall timer bounds), the
 * longest first wait of {@link START_REFUSALS} ({@link nextBackoff} from a fresh state, when X names no later reset),
 * then the next attempt, whose first line (X's keep-alive comes every 20 s) the stall timer bounds too. With the
 * defaults: 60 + 60 + 60 s = 3 min. A task whose stream has delivered nothing by then has failed its start: the health
 * check fails it while its deployment is still in progress, where the circuit breaker sees it.
 */
export function startupBoundMs(policy: BackoffPolicy, stallTimeoutMs: number): number {
  const firstWait = Math.max(...START_REFUSALS.map((cause) => nextBackoff(policy, HEALTHY, cause).delayMs));
  return stallTimeoutMs + firstWait + stallTimeoutMs;
}

/** The heartbeat file's content before the stream's first line: this prefix, then the start time. */
export const STARTED_PREFIX = "started ";

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
 * Judges the heartbeat file's content, as {@link Heartbeat} writes it, or its absence:
 * - `started <ms>` (the stream has delivered no line since the service started): unhealthy, whether still within the
 *   start-up bound (the health check's start period, where ECS does not count it) or past it (a start that failed);
 * - `<ms>` (the last sign of a live stream): healthy up to `staleAfter` ms later.
 * Times are ms since the epoch.
 * @param content undefined when the file could not be read.
 * @param startupBound {@link startupBoundMs}, named in the message.
 */
export function judgeHeartbeat(content: string | undefined, nowMs: number, staleAfter: number, startupBound: number): HealthVerdict {
  if (content === undefined) return { healthy: false, message: "no heartbeat file: the service has not started, or cannot write it" };
  const text = content.trim();
  const starting = text.startsWith(STARTED_PREFIX);
  const digits = starting ? text.slice(STARTED_PREFIX.length) : text;
  const at = /^\d+$/.test(digits) ? Number(digits) : NaN;
  if (Number.isNaN(at)) return { healthy: false, message: `the heartbeat file holds no time: ${JSON.stringify(content.slice(0, 40))}` };
  const ageMs = nowMs - at;
  if (starting) {
    return {
      healthy: false,
      message:
        ageMs <= startupBound
          ? `starting: no data from the stream yet, ${ageMs} ms after start, within the start-up bound of ${startupBound} ms`
          : `no data from the stream since the start ${ageMs} ms ago, over the start-up bound of ${startupBound} ms`,
    };
  }
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

  /**
   * The service has started: writes `started <ms>`, which the health check fails until the first {@link beat} (so that
   * a deployment completes only once the stream delivers data), and past the start-up bound (so that a revision whose
   * stream never does fails while its deployment is in progress, where the circuit breaker sees it).
   */
  start(): void {
    this.writeSafely(`${STARTED_PREFIX}${this.now()}`);
  }

  /** The stream is alive now. The first call after {@link start} always writes. */
  beat(): void {
    const t = this.now();
    if (t - this.lastMs < this.intervalMs) return;
    this.lastMs = t;
    this.writeSafely(String(t));
  }

  private writeSafely(content: string): void {
    try {
      this.write(content);
    } catch (error) {
      if (!this.reported) this.failed(error);
      this.reported = true;
    }
  }
}
