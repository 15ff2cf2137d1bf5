/**
 * How the service stops: ECS sends SIGTERM, waits the container's stop timeout, then SIGKILL. The service drains its
 * write queue (memory and spill) in that time, so the stack asks for the longest Fargate allows, and tells the service
 * how long it has, less a margin for its last log lines and exit.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html (stopTimeout: "the max stop
 * timeout value is 120 seconds" on Fargate).
 */
import { DEFAULT_SPILL_DIR } from "../service/src/config";

/** The container's stop timeout: the Fargate maximum. */
export const STOP_TIMEOUT_SECONDS = 120;

/** Left between the service's own deadline and ECS's SIGKILL: its final `stats` and `stopped` lines, and exit. */
const EXIT_MARGIN_SECONDS = 10;

/** `SHUTDOWN_TIMEOUT_MS` for a stop timeout: the service's deadline for writing what waits, before ECS kills it. */
export function shutdownTimeoutMs(stopTimeoutSeconds: number): number {
  return (stopTimeoutSeconds - EXIT_MARGIN_SECONDS) * 1000;
}

/**
 * The service's variables for its queue and its stop: the drain deadline, and the spill directory, in the task-scoped
 * volume the component mounts at `/tmp` (the container's one writable path: its root filesystem is read-only; the
 * image declares `/tmp` a `VOLUME`, so the non-root user can write there).
 */
export function queueEnvironment(stopTimeoutSeconds: number): Record<string, string> {
  return { SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs(stopTimeoutSeconds)), SPILL_DIR: DEFAULT_SPILL_DIR };
}
