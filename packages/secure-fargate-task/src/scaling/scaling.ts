import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import type { LoadBalancing } from "../loadBalancer/loadBalancer";
import { requestCountResourceLabel } from "../loadBalancer/requestCount";
import { AutoScalingSettings, PREDEFINED_METRIC, TargetTrackingSettings } from "./settings";

/** What Application Auto Scaling scales: an ECS service's desired task count. */
export const SCALABLE_DIMENSION = "ecs:service:DesiredCount";

/** The `ResourceId` of an ECS service in Application Auto Scaling: `service/<cluster name>/<service name>`. */
export function serviceResourceId(clusterName: string, serviceName: string): string {
  return `service/${clusterName}/${serviceName}`;
}

/** A target-tracking policy's configuration, without the metric's resource label. */
export function targetTrackingConfiguration(
  policy: TargetTrackingSettings,
  settings: Pick<AutoScalingSettings, "scaleInCooldownSeconds" | "scaleOutCooldownSeconds">,
): { targetValue: number; scaleInCooldown: number; scaleOutCooldown: number; predefinedMetricType: string } {
  return {
    targetValue: policy.targetValue,
    scaleInCooldown: settings.scaleInCooldownSeconds,
    scaleOutCooldown: settings.scaleOutCooldownSeconds,
    predefinedMetricType: PREDEFINED_METRIC[policy.metric],
  };
}

/** The service's task count, and what scaling needs to name it. */
export interface ScaledService {
  clusterName: pulumi.Input<string>;
  serviceName: pulumi.Input<string>;
  /** With a requests policy: the load balancing (validation made sure there is an ALB suffix to use). */
  loadBalancing: LoadBalancing | undefined;
}

/**
 * The scalable target (the service's task count between the limits; Application Auto Scaling acts with its
 * service-linked role, `AWSServiceRoleForApplicationAutoScaling_ECSService`), one target-tracking policy per metric,
 * and the scheduled actions (named by Pulumi, `<component>-schedule-<name>-<random>`, so that a replacement never
 * clashes with the name it replaces); policies and actions one after the other.
 */
export function createAutoScaling(ctx: ChildContext, settings: AutoScalingSettings, service: ScaledService): aws.appautoscaling.Target {
  const target = new aws.appautoscaling.Target(
    `${ctx.name}-scaling`,
    {
      serviceNamespace: "ecs",
      scalableDimension: SCALABLE_DIMENSION,
      resourceId: pulumi.all([service.clusterName, service.serviceName]).apply(([c, s]) => serviceResourceId(c, s)),
      minCapacity: settings.minCapacity,
      maxCapacity: settings.maxCapacity,
      tags: ctx.tags,
    },
    { parent: ctx.parent },
  );
  // One change of the target at a time: concurrent PutScalingPolicy / PutScheduledAction calls on one target fail
  // with ConcurrentUpdateException (hashicorp/terraform-provider-aws#17915).
  let previous: pulumi.Resource | undefined;
  const after = (): pulumi.CustomResourceOptions => ({ parent: ctx.parent, dependsOn: previous ? [previous] : [] });
  for (const policy of settings.policies) {
    const { predefinedMetricType, ...configuration } = targetTrackingConfiguration(policy, settings);
    previous = new aws.appautoscaling.Policy(
      `${ctx.name}-scale-${policy.metric}`,
      {
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          ...configuration,
          predefinedMetricSpecification: {
            predefinedMetricType,
            ...(policy.metric === "requests" ? { resourceLabel: requestsResourceLabel(settings, service.loadBalancing!) } : {}),
          },
        },
      },
      after(),
    );
  }
  for (const schedule of settings.schedules) {
    previous = new aws.appautoscaling.ScheduledAction(
      `${ctx.name}-schedule-${schedule.name}`,
      {
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
        schedule: schedule.schedule,
        ...(schedule.timezone !== undefined ? { timezone: schedule.timezone } : {}),
        scalableTargetAction: {
          ...(schedule.minCapacity !== undefined ? { minCapacity: schedule.minCapacity } : {}),
          ...(schedule.maxCapacity !== undefined ? { maxCapacity: schedule.maxCapacity } : {}),
        },
      },
      after(),
    );
  }
  return target;
}

/** `app/<alb>/<id>/targetgroup/<tg>/<id>`: the component's ALB, or the suffix given for an attached target group. */
function requestsResourceLabel(settings: AutoScalingSettings, lb: LoadBalancing): pulumi.Output<string> {
  const albSuffix = settings.loadBalancerArnSuffix ?? lb.loadBalancerArnSuffix;
  return pulumi.all([albSuffix, lb.targetGroupArnSuffix]).apply(([alb, tg]) => requestCountResourceLabel(alb!, tg));
}
