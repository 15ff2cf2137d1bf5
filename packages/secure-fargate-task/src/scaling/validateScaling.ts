import * as pulumi from "@pulumi/pulumi";
import type { RunMode } from "../args";
import type { LoadBalancerSettings } from "../loadBalancer/settings";
import { type Reject, show } from "../errors";
import type { AutoScalingArgs, ScheduledScalingArgs } from "./args";
import { expressionKind, expressionProblem, timezoneProblem } from "../schedule/expression";
import type { AutoScalingSettings, ScheduleSettings, TargetTrackingSettings } from "./settings";

/** `PutScheduledAction`'s limit on `Schedule` and `Timezone` (API_PutScheduledAction: 1 to 1600 characters each). */
const SCALING_SCHEDULE_MAX = 1600;
/** Scale-in cooldown when none is given: AWS's own default for ECS services, scaling in conservatively. */
export const DEFAULT_SCALE_IN_COOLDOWN = 300;
/** Scale-out cooldown when none is given: shorter than AWS's 300, so that a burst gets tasks within minutes. */
export const DEFAULT_SCALE_OUT_COOLDOWN = 60;
/** Our rule for schedule names (AWS takes up to 256 printable characters without `:`, `/`, `|`). */
const SCHEDULE_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
/** An ALB's ARN suffix: `app/<name>/<id>`. */
const ALB_ARN_SUFFIX = /^app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;

/** What autoscaling needs from the other arguments. */
export interface ScalingContext {
  runMode: RunMode;
  /** `desiredCount` as given; undefined: it defaults to `minCapacity`. */
  desiredCount: number | undefined;
  loadBalancer: LoadBalancerSettings | undefined;
}

/** The autoscaling arguments, checked against each other and the rest; defaults filled in. */
export function validateAutoScaling(args: AutoScalingArgs, ctx: ScalingContext, reject: Reject): AutoScalingSettings {
  if (ctx.runMode !== "service") {
    reject("autoScaling", `scales a service, but runMode is ${show(ctx.runMode)}. Remove autoScaling, or use runMode "service".`);
  }
  const minCapacity = args.minCapacity ?? 1;
  const maxCapacity = args.maxCapacity;
  if (!isCount(minCapacity)) reject("autoScaling.minCapacity", `must be a whole number of tasks, 0 or more: got ${show(minCapacity)}.`);
  if (!isCount(maxCapacity) || maxCapacity < 1) {
    reject("autoScaling.maxCapacity", `must be a whole number of tasks, 1 or more: got ${show(maxCapacity)}.`);
  } else if (isCount(minCapacity) && minCapacity > maxCapacity) {
    reject("autoScaling.minCapacity", `${minCapacity} is above maxCapacity ${maxCapacity}. Lower minCapacity or raise maxCapacity.`);
  }
  if (ctx.desiredCount !== undefined && isCount(minCapacity) && isCount(maxCapacity)) {
    if (ctx.desiredCount < minCapacity || ctx.desiredCount > maxCapacity) {
      reject(
        "desiredCount",
        `${show(ctx.desiredCount)} is outside autoScaling's ${minCapacity} to ${maxCapacity} tasks: Application Auto Scaling would move it at once. Give a count in that range, or leave desiredCount out (it then starts at minCapacity).`,
      );
    }
  }

  const policies: TargetTrackingSettings[] = [];
  const percent = (field: "cpuUtilizationPercent" | "memoryUtilizationPercent", metric: "cpu" | "memory"): void => {
    const value = args[field];
    if (value === undefined) return;
    if (typeof value !== "number" || !(value >= 1 && value <= 100)) {
      reject(
        `autoScaling.${field}`,
        `must be a percentage from 1 to 100: got ${show(value)}. 50 to 75 leaves room for a burst while new tasks start.`,
      );
    }
    policies.push({ metric, targetValue: value });
  };
  percent("cpuUtilizationPercent", "cpu");
  percent("memoryUtilizationPercent", "memory");
  if (args.requestsPerTarget !== undefined) {
    const value = args.requestsPerTarget;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 1) {
      reject("autoScaling.requestsPerTarget", `must be a number of requests per task per minute, 1 or more: got ${show(value)}.`);
    }
    validateRequestsSource(args, ctx.loadBalancer, reject);
    policies.push({ metric: "requests", targetValue: value });
  } else if (args.loadBalancerArnSuffix !== undefined) {
    reject("autoScaling.loadBalancerArnSuffix", `is used only by requestsPerTarget. Remove it, or add requestsPerTarget.`);
  }

  const cooldown = (field: "scaleInCooldownSeconds" | "scaleOutCooldownSeconds", fallback: number): number => {
    const value = args[field] ?? fallback;
    if (!isCount(value)) reject(`autoScaling.${field}`, `must be a whole number of seconds, 0 or more: got ${show(value)}.`);
    return value;
  };
  const scaleInCooldownSeconds = cooldown("scaleInCooldownSeconds", DEFAULT_SCALE_IN_COOLDOWN);
  const scaleOutCooldownSeconds = cooldown("scaleOutCooldownSeconds", DEFAULT_SCALE_OUT_COOLDOWN);

  const schedules = validateSchedules(args.schedules ?? [], reject);
  if (policies.length === 0 && schedules.length === 0) {
    reject(
      "autoScaling",
      `has no target and no schedule: nothing would change the task count. Give cpuUtilizationPercent, memoryUtilizationPercent, requestsPerTarget or schedules.`,
    );
  }
  return {
    minCapacity,
    maxCapacity,
    policies,
    loadBalancerArnSuffix: args.requestsPerTarget !== undefined ? args.loadBalancerArnSuffix : undefined,
    scaleInCooldownSeconds,
    scaleOutCooldownSeconds,
    schedules,
  };
}

/** `ALBRequestCountPerTarget` names an ALB and a target group: the component's ALB, or an attached group and its ALB's suffix. */
function validateRequestsSource(args: AutoScalingArgs, lb: LoadBalancerSettings | undefined, reject: Reject): void {
  const field = "autoScaling.requestsPerTarget";
  const suffix = args.loadBalancerArnSuffix;
  if (lb === undefined) {
    reject(
      field,
      `counts the requests an Application Load Balancer sends each task, but there is no loadBalancer. Add loadBalancer, or scale on CPU or memory.`,
    );
  } else if (lb.kind === "create" && suffix !== undefined) {
    reject(
      "autoScaling.loadBalancerArnSuffix",
      `names an ALB, but the component creates its own and scales on that one. Remove loadBalancerArnSuffix.`,
    );
  } else if (lb.kind === "attach" && suffix === undefined) {
    reject(
      field,
      `with an attached target group needs the ARN suffix of the Application Load Balancer that forwards to it. Add autoScaling.loadBalancerArnSuffix: "app/<name>/<id>" (an aws.lb.LoadBalancer's arnSuffix output).`,
    );
  }
  if (typeof suffix === "string" && !pulumi.Output.isInstance(suffix) && !ALB_ARN_SUFFIX.test(suffix)) {
    reject(
      "autoScaling.loadBalancerArnSuffix",
      `is not an Application Load Balancer's ARN suffix, app/<name>/<16 hex id>: got ${show(suffix)}. A Network Load Balancer (net/...) has no per-target request count.`,
    );
  }
}

function validateSchedules(schedules: ScheduledScalingArgs[], reject: Reject): ScheduleSettings[] {
  const names = new Set<string>();
  return schedules.map((s, i) => {
    const field = `autoScaling.schedules[${i}]`;
    if (!SCHEDULE_NAME.test(s.name)) {
      reject(`${field}.name`, `must be 1 to 128 letters, digits, "-", "_" or ".": got ${show(s.name)}.`);
    } else if (names.has(s.name)) {
      reject(`${field}.name`, `${show(s.name)} names another schedule too. Give each schedule its own name.`);
    }
    names.add(s.name);
    const problem = typeof s.schedule === "string" ? expressionProblem(s.schedule, SCALING_SCHEDULE_MAX) : "is not a string";
    if (problem) reject(`${field}.schedule`, `${problem}: got ${show(s.schedule)}.`);
    const kind = typeof s.schedule === "string" ? expressionKind(s.schedule) : undefined;
    let timezone: string | undefined;
    if (kind === "rate") {
      if (s.timezone !== undefined) reject(`${field}.timezone`, `applies to cron and at expressions, not rate. Remove it.`);
    } else {
      timezone = s.timezone ?? "UTC";
      const zoneProblem = timezoneProblem(timezone, SCALING_SCHEDULE_MAX);
      if (zoneProblem) reject(`${field}.timezone`, `${zoneProblem}: got ${show(timezone)}.`);
    }
    for (const bound of ["minCapacity", "maxCapacity"] as const) {
      const v = s[bound];
      if (v !== undefined && !isCount(v)) reject(`${field}.${bound}`, `must be a whole number of tasks, 0 or more: got ${show(v)}.`);
    }
    if (s.minCapacity === undefined && s.maxCapacity === undefined) {
      reject(field, `changes nothing. Give minCapacity, maxCapacity or both.`);
    } else if (s.minCapacity !== undefined && s.maxCapacity !== undefined && s.minCapacity > s.maxCapacity) {
      reject(`${field}.minCapacity`, `${show(s.minCapacity)} is above its maxCapacity ${show(s.maxCapacity)}.`);
    }
    return { name: s.name, schedule: s.schedule, timezone, minCapacity: s.minCapacity, maxCapacity: s.maxCapacity };
  });
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0;
}
