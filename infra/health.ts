/**
 * The service's container health check: `node dist/health.js` (service/src/health.ts), which fails once the stream's
 * heartbeat file in the task's `/tmp` volume is older than the reconnect policy allows. ECS's cadence is computed from
 * that bound, so that a dead stream is caught soon after the policy gives up on it and not before.
 */
import type { ContainerHealthCheckArgs } from "secure-fargate-task";
import type { Liveness } from "../service/src/config";
import { staleAfterMs } from "../service/src/heartbeat";

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
 * The health check for a service with these liveness settings. The interval makes ECS's detection (`retries`
 * failures in a row) at most a quarter of the bound after the bound, within ECS's range; the start period is one
 * interval, so that a check run before the service has written its first heartbeat (a second after start) does not
 * count. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
 */
export function serviceHealthCheck(settings: Liveness): ContainerHealthCheckArgs {
  const boundSeconds = Math.ceil(staleAfterMs(settings.backoff, settings.stallTimeoutMs) / 1000);
  const intervalSeconds = Math.min(INTERVAL_SECONDS.max, Math.max(INTERVAL_SECONDS.min, Math.floor(boundSeconds / (4 * RETRIES))));
  return {
    command: HEALTH_COMMAND,
    intervalSeconds,
    timeoutSeconds: TIMEOUT_SECONDS,
    retries: RETRIES,
    startPeriodSeconds: Math.min(MAX_START_PERIOD_SECONDS, intervalSeconds),
  };
}
