/**
 * A container health check: its arguments checked against ECS's rules, and the `healthCheck` of a container definition.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
 */
import type { ContainerHealthCheckArgs } from "./args";
import { type Reject, show } from "../errors";

/** A container definition's `healthCheck`, as the ECS API takes it (seconds), every field set. */
export interface HealthCheck {
  command: string[];
  interval: number;
  timeout: number;
  retries: number;
  startPeriod: number;
}

/**
 * ECS's ranges and defaults (API_HealthCheck: interval 5-300 default 30, timeout 2-120 default 5, retries 1-10
 * default 3, startPeriod 0-300, off by default).
 */
const LIMITS = {
  intervalSeconds: { min: 5, max: 300, default: 30, ecs: "interval" },
  timeoutSeconds: { min: 2, max: 120, default: 5, ecs: "timeout" },
  retries: { min: 1, max: 10, default: 3, ecs: "retries" },
  startPeriodSeconds: { min: 0, max: 300, default: 0, ecs: "startPeriod" },
} as const;

/**
 * Checks a health check's arguments; returns the definition with ECS's defaults written out (so that what the task
 * definition holds is what runs, and reads back without a diff), or undefined when it has problems.
 * @param field where the arguments are, for messages, e.g. `healthCheck`.
 */
export function validateHealthCheck(args: ContainerHealthCheckArgs, field: string, reject: Reject): HealthCheck | undefined {
  let valid = validateCommand(args.command, `${field}.command`, reject);
  const values = { interval: 0, timeout: 0, retries: 0, startPeriod: 0 };
  for (const key of Object.keys(LIMITS) as Array<keyof typeof LIMITS>) {
    const limit = LIMITS[key];
    const value = args[key] ?? limit.default;
    if (!Number.isInteger(value) || value < limit.min || value > limit.max) {
      reject(`${field}.${key}`, `must be a whole number from ${limit.min} to ${limit.max} (ECS HealthCheck.${limit.ecs}): got ${show(value)}.`);
      valid = false;
    }
    values[limit.ecs] = value;
  }
  return valid ? { command: [...args.command], ...values } : undefined;
}

function validateCommand(command: unknown, field: string, reject: Reject): boolean {
  const example = `e.g. ["CMD", "node", "dist/health.js"] or ["CMD-SHELL", "test -f /tmp/ready"]`;
  if (!Array.isArray(command) || command.length < 2) {
    reject(
      field,
      `must be a list: "CMD" and the executable with its arguments, or "CMD-SHELL" and a command line: got ${show(command)}. Write ${example}.`,
    );
    return false;
  }
  const [kind, ...rest] = command as unknown[];
  if (kind !== "CMD" && kind !== "CMD-SHELL") {
    reject(
      field,
      `must start with "CMD" (run the executable directly) or "CMD-SHELL" (run a command line with /bin/sh): got ${show(kind)}. Write ${example}.`,
    );
    return false;
  }
  if (rest.some((part) => typeof part !== "string" || part.trim() === "")) {
    reject(field, `has an empty or non-string part: got ${show(command)}. Every part must be a non-empty string.`);
    return false;
  }
  if (kind === "CMD-SHELL" && rest.length !== 1) {
    reject(
      field,
      `with "CMD-SHELL" takes one command line, which the shell splits: got ${show(command)}. Write ["CMD-SHELL", ${show(rest.join(" "))}].`,
    );
    return false;
  }
  return true;
}
