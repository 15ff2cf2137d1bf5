import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import type { NetworkLocation, ResolvedNetwork, TaskIngress } from "../network/network";
import { createAlb } from "./alb";
import { admitToTasks, createAlbSecurityGroup } from "./securityGroup";
import type { LoadBalancerSettings } from "./settings";

/** The load balancer's side of the tasks' security group: made before the tasks' group, which admits it. */
export interface LoadBalancerFront {
  /** The security group of the ALB the component creates. */
  albSecurityGroup: aws.ec2.SecurityGroup | undefined;
  /** What the tasks' own group admits; none when no load balancer group is known (the caller owns the tasks' groups). */
  ingress: TaskIngress | undefined;
}

/** What the service and the outputs need from the load balancing, and what autoscaling on requests needs. */
export interface LoadBalancing {
  /** The service's `loadBalancers` entry. */
  targetGroupArn: pulumi.Input<string>;
  containerPort: number;
  /** What the service must be created after: ECS refuses a target group no load balancer forwards to. */
  dependsOn: pulumi.Resource[];
  loadBalancerArn: pulumi.Output<string | undefined>;
  loadBalancerDnsName: pulumi.Output<string | undefined>;
  /** `app/<name>/<id>` of the ALB the component created, for `ALBRequestCountPerTarget` (see requestCount.ts). */
  loadBalancerArnSuffix: pulumi.Output<string | undefined>;
  /** `targetgroup/<name>/<id>`, for `ALBRequestCountPerTarget`. */
  targetGroupArnSuffix: pulumi.Output<string>;
}

/** The ALB's security group (when the component creates the ALB) and the ingress the tasks' group gets from it. */
export function loadBalancerFront(ctx: ChildContext, lb: LoadBalancerSettings, vpcId: pulumi.Output<string>): LoadBalancerFront {
  if (lb.kind === "attach") {
    return {
      albSecurityGroup: undefined,
      ingress: lb.securityGroupIds.length > 0 ? { port: lb.containerPort, securityGroupIds: lb.securityGroupIds } : undefined,
    };
  }
  const albSecurityGroup = createAlbSecurityGroup(ctx, vpcId, lb);
  return { albSecurityGroup, ingress: { port: lb.containerPort, securityGroupIds: [albSecurityGroup.id] } };
}

/**
 * The rest, once the tasks' groups exist: for a created ALB, its egress to those groups, the ALB, target group and
 * listeners; for an existing target group, nothing to create. `callerTaskGroups`: `network.securityGroupIds`, which
 * validation made a list when the component creates the ALB.
 */
export function connectLoadBalancer(
  ctx: ChildContext,
  lb: LoadBalancerSettings,
  front: LoadBalancerFront,
  location: NetworkLocation,
  network: ResolvedNetwork,
  callerTaskGroups: pulumi.Input<pulumi.Input<string>[]> | undefined,
): LoadBalancing {
  if (lb.kind === "attach") {
    const arn = pulumi.output(lb.targetGroupArn);
    return {
      targetGroupArn: lb.targetGroupArn,
      containerPort: lb.containerPort,
      dependsOn: [],
      loadBalancerArn: pulumi.output(undefined),
      loadBalancerDnsName: pulumi.output(undefined),
      loadBalancerArnSuffix: pulumi.output(undefined),
      targetGroupArnSuffix: arn.apply((a) => a.split(":").pop()!),
    };
  }
  const albGroup = front.albSecurityGroup!;
  const taskGroups = network.securityGroup ? [network.securityGroup.id] : Array.isArray(callerTaskGroups) ? callerTaskGroups : [];
  admitToTasks(ctx, albGroup, taskGroups, lb.containerPort);
  const alb = createAlb(ctx, lb, { vpcId: location.vpcId, subnetIds: lb.subnetIds ?? location.subnetIds }, albGroup.id);
  return {
    targetGroupArn: alb.targetGroup.arn,
    containerPort: lb.containerPort,
    dependsOn: [alb.httpsListener],
    loadBalancerArn: alb.loadBalancer.arn,
    loadBalancerDnsName: alb.loadBalancer.dnsName,
    loadBalancerArnSuffix: alb.loadBalancer.arnSuffix,
    targetGroupArnSuffix: alb.targetGroup.arnSuffix,
  };
}
