import type { SecureFargateTaskArgs } from "../args";
import { type Reject, show } from "../errors";
import { cpuForMemory, fargateMemoryValues, FARGATE_CPU_VALUES, isFargateSize } from "./fargate";
import { validateHealthCheck } from "./healthCheck";
import type { TaskSettings } from "./settings";
import { CONTAINER_NAME, validateUser } from "./validateContainer";

/** Checks the task's size and its app container (name, user, stop timeout, health check); fills in the defaults. */
export function validateTask(args: SecureFargateTaskArgs, reject: Reject): TaskSettings {
  const cpu = args.cpu ?? 256;
  const memory = args.memory ?? 512;
  validateSize(cpu, memory, reject);

  const containerName = args.containerName ?? "app";
  if (!CONTAINER_NAME.test(containerName)) {
    reject("containerName", `must be 1 to 255 letters, digits, hyphens or underscores: got ${show(containerName)}.`);
  }

  const user = args.user ?? "1000:1000";
  validateUser("user", user, reject);

  const stopTimeoutSeconds = args.stopTimeoutSeconds ?? 30;
  if (!Number.isInteger(stopTimeoutSeconds) || stopTimeoutSeconds < 2 || stopTimeoutSeconds > 120) {
    reject("stopTimeoutSeconds", `must be a whole number of seconds from 2 to 120 (the Fargate maximum): got ${show(stopTimeoutSeconds)}.`);
  }

  const healthCheck = args.healthCheck === undefined ? undefined : validateHealthCheck(args.healthCheck, "healthCheck", reject);
  return { cpu, memory, containerName, user, stopTimeoutSeconds, healthCheck };
}

function validateSize(cpu: number, memory: number, reject: Reject): void {
  if (!FARGATE_CPU_VALUES.includes(cpu)) {
    reject("cpu", `is not a Fargate CPU value: got ${show(cpu)}. Use one of ${FARGATE_CPU_VALUES.join(", ")} (1024 = 1 vCPU).`);
  } else if (!isFargateSize(cpu, memory)) {
    const other = cpuForMemory(memory);
    const alternative = other === undefined ? "" : `, or cpu ${other} for memory ${memory}`;
    reject(
      "memory",
      `${show(memory)} MiB is not offered by Fargate with cpu ${cpu}. Use ${describeValues(fargateMemoryValues(cpu))} with cpu ${cpu}${alternative}.`,
    );
  }
}

function describeValues(values: readonly number[]): string {
  return values.length <= 3 ? values.join(", ") : `${values[0]} to ${values[values.length - 1]} in steps of ${values[1] - values[0]}`;
}
