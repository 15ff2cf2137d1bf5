import type * as pulumi from "@pulumi/pulumi";

/** Application Auto Scaling's predefined metrics for an ECS service. */
export const PREDEFINED_METRIC = {
  cpu: "ECSServiceAverageCPUUtilization",
  memory: "ECSServiceAverageMemoryUtilization",
  requests: "ALBRequestCountPerTarget",
} as const;
export type ScalingMetric = keyof typeof PREDEFINED_METRIC;

/** One target-tracking policy: which metric, and the value to keep it near. */
export interface TargetTrackingSettings {
  metric: ScalingMetric;
  targetValue: number;
}

/** One scheduled action after validation; `timezone` only with `cron` and `at`. */
export interface ScheduleSettings {
  name: string;
  schedule: string;
  timezone: string | undefined;
  minCapacity: number | undefined;
  maxCapacity: number | undefined;
}

/** The autoscaling arguments after validation, defaults filled in; policies in the order cpu, memory, requests. */
export interface AutoScalingSettings {
  minCapacity: number;
  maxCapacity: number;
  policies: TargetTrackingSettings[];
  /** With a `requests` policy and an attached target group: the ALB's ARN suffix, as given. */
  loadBalancerArnSuffix: pulumi.Input<string> | undefined;
  scaleInCooldownSeconds: number;
  scaleOutCooldownSeconds: number;
  schedules: ScheduleSettings[];
}
