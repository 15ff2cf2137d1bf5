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
}

/** Why the stream is not connected. */
export type Disconnect =
  /** An established connection ended: closed, reset, or silent past the stall timeout. */
  | "dropped"
  /** A connection attempt failed below HTTP (refused, reset, DNS, TLS), or ended before any data. */
  | "network"
  /** A connection attempt was answered with an HTTP error other than 429. */
  | "http"
  /** A connection attempt was answered with HTTP 429. */
  | "rate-limited";

/** Consecutive failures of the current kind; {@link HEALTHY} again once a connection has lasted. */
export interface BackoffState {
  readonly kind: Disconnect | null;
  readonly failures: number;
}

/** The state of a healthy connection. */
export const HEALTHY: BackoffState = { kind: null, failures: 0 };

/**
 * The wait before the next connection attempt, and the new state.
 * A dropped connection is retried at once, as X asks; drops in a row (a server that accepts and closes) back off
 * linearly like network errors (0, 250 ms, 500 ms, ...). Failed attempts back off linearly (network), exponentially
 * (HTTP) or exponentially from a minute (429). A change of kind starts that kind's sequence again.
 */
export function nextBackoff(
  policy: BackoffPolicy,
  state: BackoffState,
  cause: Disconnect,
): { delayMs: number; state: BackoffState } {
  const failures = state.kind === cause ? state.failures + 1 : 1;
  const next = { kind: cause, failures };
  switch (cause) {
    case "dropped":
      return { delayMs: Math.min(policy.networkStepMs * (failures - 1), policy.networkMaxMs), state: next };
    case "network":
      return { delayMs: Math.min(policy.networkStepMs * failures, policy.networkMaxMs), state: next };
    case "http":
      return { delayMs: exponential(policy.httpInitialMs, failures, policy.httpMaxMs), state: next };
    case "rate-limited":
      return { delayMs: exponential(policy.rateLimitInitialMs, failures, policy.rateLimitMaxMs), state: next };
  }
}

function exponential(initial: number, failures: number, max: number): number {
  return Math.min(initial * 2 ** Math.min(failures - 1, 30), max);
}

/**
 * Full-jitter exponential back-off for DynamoDB retries: a random wait in [0, min(max, base * 2^(attempt-1))].
 * @param random a source in [0, 1), `Math.random` by default.
 */
export function jitteredDelay(baseMs: number, maxMs: number, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.floor(random() * ceiling);
}
