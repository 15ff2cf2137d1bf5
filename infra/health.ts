/**
 * The service's container health check: `node dist/health.js` (service/src/health.ts), which fails until the stream
 * has delivered a line (a post or X's keep-alive) since the task started, and once the stream's heartbeat file in the
 * task's `/tmp` volume is older than the reconnect policy allows. ECS's cadence is computed from both bounds: a task
 * whose stream never delivers data is unhealthy soon after the start-up bound, while its deployment is still in
 * progress (the circuit breaker watches only a deployment in progress:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html), and a stream that dies
 * later is caught soon after the policy gives up on it, and not before.
 */
import type { ContainerHealthCheckArgs } from "secure-fargate-task";
import type { Liveness } from "../service/src/config";
import { startupBoundMs } from "../service/src/ops/heartbeat";

/** The check, as exec form: the image has node and no shell is needed (service/Dockerfile ships dist/health.js). */
export const HEALTH_COMMAND = ["CMD", "node", "dist/health.js"];

/**
 * Failures in a row before ECS calls the container unhealthy: ECS's default. They guard against a check run that fails
 * for another reason (a CPU-starved start of node), not against a dead stream, which the command itself waits out.
 */
const RETRIES = 3;

/** Seconds a run of the command may take: node starts and reads one small file in well under a second. */
const TIMEOUT_SECONDS = 10;

/** ECS's ranges (API_HealthCheck): interval 5 to 300 s, start period 0 to 300 s. */
const INTERVAL_SECONDS = { min: 5, max: 300 } as const;
const MAX_START_PERIOD_SECONDS = 300;

/**
 * The health check for a service with these liveness settings
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html: failures within the start period do
 * not count; after it, `retries` failures in a row make the container unhealthy):
 * - start period: the start-up bound ({@link startupBoundMs}), at most ECS's 300 s, so that the failed checks of a task
 *   still connecting do not count;
 * - interval: `retries` failures take at most a quarter of the start-up bound (which is never longer than the staleness
 *   bound, `staleAfterMs`: a dead stream is caught within a quarter of that bound after it too), and at least what is
 *   left of the start-up bound after a start period ECS cut to 300 s, so that no task is called unhealthy before it.
 * @throws when the start-up bound is longer than ECS can wait (300 s + retries × 300 s), naming the variables.
 */
export function serviceHealthCheck(settings: Liveness): ContainerHealthCheckArgs {
  const startupSeconds = Math.ceil(startupBoundMs(settings.backoff, settings.stallTimeoutMs) / 1000);
  const startPeriodSeconds = Math.min(MAX_START_PERIOD_SECONDS, startupSeconds);
  const quarter = Math.floor(startupSeconds / (4 * RETRIES));
  const rest = Math.ceil((startupSeconds - startPeriodSeconds) / RETRIES);
  const intervalSeconds = Math.min(INTERVAL_SECONDS.max, Math.max(INTERVAL_SECONDS.min, quarter, rest));
  if (startPeriodSeconds + RETRIES * intervalSeconds < startupSeconds) {
    const longest = MAX_START_PERIOD_SECONDS + RETRIES * INTERVAL_SECONDS.max;
    throw new Error(
      `the service's start-up bound is ${startupSeconds} s (STALL_TIMEOUT_MS twice plus the longest first wait of ` +
        `NETWORK_BACKOFF_STEP_MS, HTTP_BACKOFF_INITIAL_MS and RATE_LIMIT_BACKOFF_INITIAL_MS), longer than ECS's health ` +
        `check can wait (${longest} s): lower those variables`,
    );
  }
  return {
    command: HEALTH_COMMAND,
    intervalSeconds,
    timeoutSeconds: TIMEOUT_SECONDS,
    retries: RETRIES,
    startPeriodSeconds,
  };
}
