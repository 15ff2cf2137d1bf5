import type { ImagePlatform } from "../image/args";
import type { RunMode, SecureFargateTaskArgs } from "../args";
import { validateCapacityProviderStrategy } from "../capacity/validateCapacity";
import { type Reject, show } from "../errors";
import { validateGracePeriod } from "../loadBalancer/validateLoadBalancer";
import type { ServiceSettings } from "./settings";

/** What checking the service needs from the rest of the arguments. */
export interface ServiceContext {
  runMode: RunMode;
  /** The image's platform: Fargate Spot runs linux/amd64 only. */
  platform: ImagePlatform;
  /** Whether the service registers in a target group (then ECS waits out the grace period). */
  loadBalancer: boolean;
  /** Whether the app container has a health check. */
  containerHealthCheck: boolean;
}

/** Checks the ECS service's arguments (count, deployment, ECS Exec, grace period, placement); fills in the defaults. */
export function validateService(args: SecureFargateTaskArgs, ctx: ServiceContext, reject: Reject): ServiceSettings {
  const enableExecuteCommand = args.enableExecuteCommand ?? false;
  if (enableExecuteCommand && ctx.runMode !== "service") {
    reject(
      "enableExecuteCommand",
      `turns on ECS Exec for the service's tasks, but runMode is ${show(ctx.runMode)}: there is no service. Remove it, or run a service (runMode "service").`,
    );
  }

  // With autoScaling the service starts at its minCapacity (a bad one is reported there, not here).
  const scalingMin = args.autoScaling?.minCapacity ?? 1;
  const desiredCount = args.desiredCount ?? (Number.isInteger(scalingMin) && scalingMin >= 0 ? scalingMin : 1);
  if (!Number.isInteger(desiredCount) || desiredCount < 0) {
    reject("desiredCount", `must be a whole number of tasks, 0 or more: got ${show(desiredCount)}. Use 0 to stop the service, 1 for one task.`);
  }

  const minimumHealthyPercent = args.deployment?.minimumHealthyPercent ?? 100;
  const maximumPercent = args.deployment?.maximumPercent ?? 200;
  validateDeployment(minimumHealthyPercent, maximumPercent, desiredCount, reject);

  const healthCheckGracePeriodSeconds = validateGracePeriod(
    args.healthCheckGracePeriodSeconds,
    { loadBalancer: ctx.loadBalancer, containerHealthCheck: ctx.containerHealthCheck },
    reject,
  );

  const capacityProviderStrategy =
    args.capacityProviderStrategy === undefined
      ? undefined
      : validateCapacityProviderStrategy(args.capacityProviderStrategy, { runMode: ctx.runMode, platform: ctx.platform }, reject);

  return { desiredCount, minimumHealthyPercent, maximumPercent, enableExecuteCommand, healthCheckGracePeriodSeconds, capacityProviderStrategy };
}

function validateDeployment(min: number, max: number, desiredCount: number, reject: Reject): void {
  if (!Number.isInteger(min) || min < 0 || min > 100) {
    reject("deployment.minimumHealthyPercent", `must be a whole percentage from 0 to 100: got ${show(min)}.`);
  }
  if (!Number.isInteger(max) || max < 100) {
    reject("deployment.maximumPercent", `must be a whole percentage of 100 or more: got ${show(max)}.`);
  }
  if (min === 100 && max === 100 && desiredCount > 0) {
    reject(
      "deployment",
      `allows no deployment to make progress: with minimumHealthyPercent 100 and maximumPercent 100, ECS can neither stop an old task nor start a new one. Lower minimumHealthyPercent (0 stops before it starts) or raise maximumPercent.`,
    );
  }
}
