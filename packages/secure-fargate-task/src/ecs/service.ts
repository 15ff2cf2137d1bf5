import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import type { ResolvedNetwork } from "../network/network";
import type { LoadBalancing } from "../loadBalancer/loadBalancer";
import type { ServiceBuildSettings } from "./settings";

/**
 * The Fargate service: the latest platform, the deployment circuit breaker with rollback, and a wait for steady state,
 * so that a task that cannot start (a missing permission, a secret it cannot read) fails `pulumi up` with ECS's reason
 * instead of looping silently. With a load balancer, ECS registers each task's IP in the target group (with its
 * service-linked role: `iamRole` must not be set with `awsvpc`) and waits for it to be healthy. With autoscaling,
 * `desiredCount` is only the count the service is created with: Application Auto Scaling owns it afterwards, and
 * `ignoreChanges` keeps `pulumi up` from setting it back.
 */
export function createService(
  ctx: ChildContext,
  settings: ServiceBuildSettings,
  clusterArn: pulumi.Input<string>,
  taskDefinition: aws.ecs.TaskDefinition,
  network: ResolvedNetwork,
  dependsOn: pulumi.Resource[],
  loadBalancing?: LoadBalancing,
): aws.ecs.Service {
  return new aws.ecs.Service(
    `${ctx.name}-service`,
    {
      cluster: clusterArn,
      taskDefinition: taskDefinition.arn,
      desiredCount: settings.desiredCount,
      // ECS takes a launch type or a capacity provider strategy, not both (API_CreateService).
      ...(settings.capacityProviderStrategy
        ? {
            capacityProviderStrategies: settings.capacityProviderStrategy.map((i) => ({
              capacityProvider: i.capacityProvider,
              weight: i.weight,
              base: i.base,
            })),
          }
        : { launchType: "FARGATE" }),
      platformVersion: "LATEST",
      deploymentMinimumHealthyPercent: settings.minimumHealthyPercent,
      deploymentMaximumPercent: settings.maximumPercent,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      waitForSteadyState: true,
      networkConfiguration: {
        subnets: network.subnetIds,
        securityGroups: network.securityGroupIds,
        assignPublicIp: network.assignPublicIp,
      },
      ...(loadBalancing
        ? {
            loadBalancers: [
              { targetGroupArn: loadBalancing.targetGroupArn, containerName: settings.containerName, containerPort: loadBalancing.containerPort },
            ],
            healthCheckGracePeriodSeconds: settings.healthCheckGracePeriodSeconds,
          }
        : {}),
      ...(settings.enableExecuteCommand ? { enableExecuteCommand: true } : {}),
      enableEcsManagedTags: true,
      propagateTags: "SERVICE",
      tags: ctx.tags,
    },
    {
      parent: ctx.parent,
      dependsOn: [...dependsOn, ...(loadBalancing?.dependsOn ?? [])],
      ...(settings.autoScaling ? { ignoreChanges: ["desiredCount"] } : {}),
    },
  );
}
