import type { BackoffPolicy } from "../src/stream/backoff";

/**
 * X's documented reconnect schedule (https://docs.x.com/x-api/fundamentals/handling-disconnections): network errors
 * back off linearly by 250 ms up to 16 s, HTTP errors exponentially from 5 s up to 320 s, 429s from one minute; plus
 * the service's pause before a planned reconnect and its wait after a usage cap. The tests that need the real
 * schedule share it from here.
 */
export const X_SCHEDULE: BackoffPolicy = {
  networkStepMs: 250,
  networkMaxMs: 16_000,
  httpInitialMs: 5_000,
  httpMaxMs: 320_000,
  rateLimitInitialMs: 60_000,
  rateLimitMaxMs: 960_000,
  reconnectPauseMs: 5_000,
  usageCapWaitMs: 900_000,
};
