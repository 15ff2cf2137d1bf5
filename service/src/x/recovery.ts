/**
 * Retrying the X requests of start-up and recovery (the token, the rules sync) on transient failures, so that an X
 * incident never ends the process: a request that timed out or failed below HTTP, a 5xx, a 429. Everything else is an
 * answer no retry changes (X refused the credentials or the rule) and is thrown as is. The waits are X's reconnect
 * schedule (`stream/backoff.ts`): linear for network errors, exponential for HTTP errors, until `x-rate-limit-reset` (or
 * from a minute) for a 429 (https://docs.x.com/x-api/fundamentals/handling-disconnections,
 * https://docs.x.com/x-api/fundamentals/rate-limits "Recovery strategy").
 */
import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from "twitter-api-v2";
import { HEALTHY, nextBackoff, type BackoffPolicy, type BackoffState, type Disconnect } from "../stream/backoff";

/** The kind of a transient failure (its back-off schedule) and X's reset, or undefined for a failure to give up on. */
export function transientCause(error: unknown, nowMs: number): { cause: Disconnect; resetInMs?: number } | undefined {
  if (error instanceof ApiRequestError || error instanceof ApiPartialResponseError) return { cause: "network" };
  if (!(error instanceof ApiResponseError)) return undefined;
  if (error.code === 429) {
    const reset = error.rateLimit?.reset;
    return reset === undefined ? { cause: "rate-limited" } : { cause: "rate-limited", resetInMs: Math.max(reset * 1000 - nowMs, 0) };
  }
  if (error.code >= 500 || error.code === 408) return { cause: "http" };
  return undefined;
}

/** What a retry loop needs besides the request. */
export interface RetryOptions {
  readonly policy: BackoffPolicy;
  /** Waits `ms`; resolves early when the service stops. */
  readonly sleep: (ms: number) => Promise<void>;
  /** True once the service stops: the loop then gives up with {@link StoppedError}. */
  readonly stopped: () => boolean;
  /** Hears each transient failure and the wait before the next try. */
  readonly onRetry: (error: unknown, attempt: number, delayMs: number) => void;
  /** @default Date.now */
  readonly now?: () => number;
}

/** The service stopped while a request was being retried. */
export class StoppedError extends Error {
  override readonly name = "StoppedError";
}

/** Runs `request` until it succeeds; retries transient failures on X's schedule, throws any other failure. */
export async function retrying<T>(request: () => Promise<T>, options: RetryOptions): Promise<T> {
  let state: BackoffState = HEALTHY;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      const transient = transientCause(error, (options.now ?? Date.now)());
      if (transient === undefined || options.stopped()) throw error;
      const next = nextBackoff(options.policy, state, transient.cause, transient.resetInMs);
      state = next.state;
      options.onRetry(error, attempt, next.delayMs);
      await options.sleep(next.delayMs);
      if (options.stopped()) throw new StoppedError("stopped while retrying");
    }
  }
}
