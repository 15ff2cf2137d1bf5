import type * as pulumi from "@pulumi/pulumi";

/**
 * A change of the task count's limits at a time: once (`at(...)`), or again and again (`cron(...)`, `rate(...)`).
 * Application Auto Scaling then keeps the service's task count between the new limits, and the target-tracking
 * policies work within them. https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html
 */
export interface ScheduledScalingArgs {
  /**
   * Names the action, unique among this service's schedules: 1 to 128 letters, digits, `-`, `_` and `.`. The
   * scheduled action is named `<component>-schedule-<name>-<random suffix>`.
   */
  name: string;
  /**
   * When: `cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)` (one of the two day fields `?`),
   * `rate(<n> minute|minutes|hour|hours|day|days)`, or once, `at(yyyy-mm-ddThh:mm:ss)`.
   * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html
   */
  schedule: string;
  /** With `cron` or `at`: the IANA time zone the expression is read in, e.g. `Europe/Paris`. @default "UTC" */
  timezone?: string;
  /** The new minimum task count (0 or more). @default - unchanged; give at least one of `minCapacity` and `maxCapacity` */
  minCapacity?: number;
  /** The new maximum task count (0 or more). @default - unchanged; give at least one of `minCapacity` and `maxCapacity` */
  maxCapacity?: number;
}

/**
 * Application Auto Scaling of the service's task count (`ecs:service:DesiredCount`): target tracking on CPU, memory
 * and ALB requests per task, and scheduled changes of the limits. Give at least one target or one schedule.
 * While it is on, the service ignores drift of its `desiredCount` (Pulumi `ignoreChanges`), so that `pulumi up` does
 * not undo what scaling did; `desiredCount` is only the count the service is created with.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html
 */
export interface AutoScalingArgs {
  /** The fewest tasks scaling leaves running (0 or more). @default 1 */
  minCapacity?: number;
  /** The most tasks scaling starts (1 or more, at least `minCapacity`). */
  maxCapacity: number;
  /** Keep the service's average CPU utilization near this percentage (1 to 100; `ECSServiceAverageCPUUtilization`). @default - no CPU policy */
  cpuUtilizationPercent?: number;
  /** Keep the service's average memory utilization near this percentage (1 to 100; `ECSServiceAverageMemoryUtilization`). @default - no memory policy */
  memoryUtilizationPercent?: number;
  /**
   * Keep the requests each task gets from the Application Load Balancer near this number per minute
   * (`ALBRequestCountPerTarget`, 1 or more). Needs `loadBalancer`: the ALB the component creates, or, with an attached
   * target group, `loadBalancerArnSuffix`.
   * @default - no requests policy
   */
  requestsPerTarget?: number;
  /**
   * With `requestsPerTarget` and an attached target group (`loadBalancer.targetGroupArn`): the ARN suffix of the
   * Application Load Balancer that forwards to it, `app/<name>/<id>` (the `arnSuffix` output of an `aws.lb.LoadBalancer`).
   * @default - none: required in that case; the component knows it for the ALB it creates
   */
  loadBalancerArnSuffix?: pulumi.Input<string>;
  /** Seconds after a scale-in before the policies may scale in again (0 or more). @default 300 */
  scaleInCooldownSeconds?: number;
  /** Seconds after a scale-out before the policies may scale out again (0 or more). @default 60 */
  scaleOutCooldownSeconds?: number;
  /** Scheduled changes of `minCapacity` and `maxCapacity`. @default - none */
  schedules?: ScheduledScalingArgs[];
}
