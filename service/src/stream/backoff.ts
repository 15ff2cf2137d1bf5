/**
 * X's reconnect policy for the filtered stream, as a pure function.
 * https://docs.x.com/x-api/fundamentals/handling-disconnections
 */

/** The times of the policy, in milliseconds. */
export interface BackoffPolicy {
  /** Linear step after TCP/IP-level errors. @default 250 */
  readonly networkStepMs: number;
  /** Cap of the linear back-off. @default 16000 */
  readonly networkMaxMs: number;
  /** First wait after an HTTP error, doubled each time. @default 5000 */
  readonly httpInitialMs: number;
  /** Cap of the HTTP back-off. @default 320000 */
  readonly httpMaxMs: number;
  /** First wait after HTTP 429, doubled each time. @default 60000 */
  readonly rateLimitInitialMs: number;
  /** Cap of the 429 back-off. @default 960000 */
  readonly rateLimitMaxMs: number;
  /**
   * Pause after a drop the service caused (stall timeout), and step of the quick retries of a 429
   * TooManyConnections that follows a drop: X keeps counting the old connection for a few seconds
   * (PLhery/node-twitter-api-v2#92, #374). @default 5000
   */
  readonly reconnectPauseMs: number;
  /** Wait after a `usage-capped` 429 when X names no later reset. @default 900000 */
  readonly usageCapWaitMs: number;
  /**
   * Most connect attempts in any {@link connectWindowMs}: X allows 50 stream connects per 15 minutes per app
   * (https://docs.x.com/x-api/fundamentals/rate-limits, "Filtered stream"); 5 are left for a replacement task.
   * @default 45
   */
  readonly connectLimit?: number;
  /** The window of {@link connectLimit}, X's rate-limit window. @default 900000 */
  readonly connectWindowMs?: number;
}

/** Why the stream is not connected. */
export type Disconnect =
  /** An established connection ended: closed or reset by the other side. */
  | "dropped"
  /** The service closed an established connection that was silent past the stall timeout. */
  | "stalled"
  /** A connection attempt failed below HTTP (refused, reset, DNS, TLS), or ended before any data. */
  | "network"
  /** A connection attempt was answered with an HTTP error without a kind of its own. */
  | "http"
  /** HTTP 429 of a request-rate limit (or any 429 without a known problem type). */
  | "rate-limited"
  /** HTTP 429 `TooManyConnections`: X still counts a connection of this app. */
  | "too-many-connections"
  /** HTTP 429 of problem type `usage-capped`, or that problem inside the stream: the plan's post cap is spent. */
  | "usage-capped"
  /** X wrote an `operational-disconnect` error object inside the stream, then closed it (waited as an HTTP error). */
  | "operational-disconnect"
  /** HTTP 409: the stream has no rules (the service re-syncs them first). */
  | "no-rules"
  /** HTTP 401 after which a new bearer token was obtained. */
  | "unauthorized";

/** Consecutive failures of the current kind; {@link HEALTHY} again once a connection has lasted. */
export interface BackoffState {
  readonly kind: Disconnect | null;
  readonly failures: number;
  /** Quick retries of a 429 TooManyConnections made since the last drop. */
  readonly quickRetries: number;
}

/** The state of a healthy connection. */
export const HEALTHY: BackoffState = { kind: null, failures: 0, quickRetries: 0 };

/** Quick retries of a 429 TooManyConnections after a drop, before the 1-minute schedule. */
export const QUICK_RETRIES = 3;

/** X's `x-rate-limit-reset` has a resolution of one second: one more second so the window has surely turned. */
const RESET_MARGIN_MS = 1000;

/**
 * The wait before the next connection attempt, and the new state.
 * - A connection the other side dropped is retried at once, as X asks; drops in a row back off linearly from 0.
 * - A connection the service dropped (stall) is retried after `reconnectPauseMs`.
 * - A 429 TooManyConnections right after a drop is retried `QUICK_RETRIES` times, `reconnectPauseMs` apart times
 *   the try, before the 1-minute 429 schedule.
 * - A 429 with `resetInMs` (X's `x-rate-limit-reset`, when the limit is spent) waits until then.
 * - `usage-capped` waits until the reset when later, else `usageCapWaitMs`.
 * - 409 (no rules, re-synced) is retried at once, then on the HTTP schedule.
 * - An in-stream operational disconnect waits as an HTTP error does (X's docs give it no schedule of its own; it is
 *   X's server-side refusal of the connection); an in-stream TooManyConnections or usage cap is passed here as its
 *   HTTP twin is, so it waits the same.
 * - Failed attempts otherwise back off linearly (network), exponentially (HTTP) or exponentially from a minute
 *   (429). A change of kind starts that kind's sequence again.
 * @param resetInMs time until X's `x-rate-limit-reset`, when a 429 carried one with no requests remaining.
 */
export function nextBackoff(
  policy: BackoffPolicy,
  state: BackoffState,
  cause: Disconnect,
  resetInMs?: number,
): { delayMs: number; state: BackoffState } {
  if (cause === "too-many-connections") {
    const quick = quickRetry(state);
    if (quick > 0) return { delayMs: policy.reconnectPauseMs * quick, state: { kind: cause, failures: 1, quickRetries: quick } };
    return nextBackoff(policy, state.kind === cause ? { ...state, kind: "rate-limited", failures: 0 } : state, "rate-limited", resetInMs);
  }
  const failures = state.kind === cause ? state.failures + 1 : 1;
  const next: BackoffState = { kind: cause, failures, quickRetries: 0 };
  const reset = resetInMs === undefined ? undefined : Math.max(resetInMs, 0) + RESET_MARGIN_MS;
  switch (cause) {
    case "dropped":
      return { delayMs: Math.min(policy.networkStepMs * (failures - 1), policy.networkMaxMs), state: next };
    case "stalled":
      return { delayMs: policy.reconnectPauseMs, state: next };
    case "network":
      return { delayMs: Math.min(policy.networkStepMs * failures, policy.networkMaxMs), state: next };
    case "http":
    case "operational-disconnect":
      return { delayMs: exponential(policy.httpInitialMs, failures, policy.httpMaxMs), state: next };
    case "no-rules":
      return { delayMs: failures === 1 ? 0 : exponential(policy.httpInitialMs, failures - 1, policy.httpMaxMs), state: next };
    case "unauthorized":
      return { delayMs: 0, state: next };
    case "rate-limited":
      return { delayMs: reset ?? exponential(policy.rateLimitInitialMs, failures, policy.rateLimitMaxMs), state: next };
    case "usage-capped":
      return { delayMs: Math.max(policy.usageCapWaitMs, reset ?? 0), state: next };
  }
}

function quickRetry(state: BackoffState): number {
  if (state.kind === "dropped" || state.kind === "stalled") return 1;
  if (state.kind === "too-many-connections" && state.quickRetries < QUICK_RETRIES) return state.quickRetries + 1;
  return 0;
}

function exponential(initial: number, failures: number, max: number): number {
  return Math.min(initial * 2 ** Math.min(failures - 1, 30), max);
}

/** The default {@link BackoffPolicy.connectLimit}. */
export const CONNECT_LIMIT = 45;
/** The default {@link BackoffPolicy.connectWindowMs}: X's 15-minute window. */
export const CONNECT_WINDOW_MS = 900_000;

/**
 * The connect attempts of the last window, so that no window ever holds more than the limit, whatever the back-off
 * prescribes (a server that accepts and closes at once is retried at once by X's rule, and would otherwise spend X's
 * 50 connects in minutes). Times come from the caller's clock.
 */
export class ConnectWindow {
  private readonly times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** The wait before an attempt at `nowMs` that keeps the window within the limit; 0 when there is room. */
  waitMs(nowMs: number): number {
    this.forget(nowMs);
    if (this.times.length < this.limit) return 0;
    return Math.max(this.times[this.times.length - this.limit] + this.windowMs - nowMs, 0);
  }

  /** Counts an attempt made at `nowMs`. */
  record(nowMs: number): void {
    this.times.push(nowMs);
    this.forget(nowMs);
  }

  /** Attempts in the window ending at `nowMs`. */
  count(nowMs: number): number {
    this.forget(nowMs);
    return this.times.length;
  }

  private forget(nowMs: number): void {
    while (this.times.length > 0 && this.times[0] <= nowMs - this.windowMs) this.times.shift();
  }
}

/**
 * Full-jitter exponential back-off for DynamoDB retries: a random wait in [0, min(max, base * 2^(attempt-1))].
 * @param random a source in [0, 1), `Math.random` by default.
 */
export function jitteredDelay(baseMs: number, maxMs: number, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.floor(random() * ceiling);
}

/**
 * The longest single wait {@link nextBackoff} can prescribe when X names no later reset: the cap of each schedule, the
 * usage-cap wait, or the last quick retry of a 429 TooManyConnections.
 */
export function longestWaitMs(policy: BackoffPolicy): number {
  return Math.max(policy.networkMaxMs, policy.httpMaxMs, policy.rateLimitMaxMs, policy.usageCapWaitMs, policy.reconnectPauseMs * QUICK_RETRIES);
}
