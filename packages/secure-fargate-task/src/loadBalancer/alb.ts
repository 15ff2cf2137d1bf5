import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import { targetGroupHealthCheck } from "./healthCheck";
import { loadBalancerName, targetGroupName } from "./names";
import type { CreatedAlbSettings } from "./settings";

/** The ALB the component creates and what hangs off it. */
export interface CreatedAlb {
  loadBalancer: aws.lb.LoadBalancer;
  targetGroup: aws.lb.TargetGroup;
  /** The HTTPS listener: a target group takes tasks only once a listener of a load balancer forwards to it. */
  httpsListener: aws.lb.Listener;
}

/**
 * An internet-facing Application Load Balancer hardened as the Security Hub ELB controls ask: invalid header fields
 * dropped (ELB.4), defensive desync mitigation (ELB.12), deletion protection (ELB.6), access logs as an option
 * (ELB.5), an HTTPS listener with a TLS 1.2+ policy (ELB.17 with the default policy) and, unless `httpRedirect` is
 * false, an HTTP listener that only redirects to it (ELB.1; without it, ELB.18 holds too).
 * Its target group registers the tasks by IP (`awsvpc`), HTTP to the container port.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html
 */
export function createAlb(
  ctx: ChildContext,
  settings: CreatedAlbSettings,
  placement: { vpcId: pulumi.Output<string>; subnetIds: pulumi.Input<pulumi.Input<string>[]> },
  securityGroupId: pulumi.Input<string>,
): CreatedAlb {
  const opts = { parent: ctx.parent };
  const [project, stack] = [pulumi.getProject(), pulumi.getStack()];
  const loadBalancer = new aws.lb.LoadBalancer(
    `${ctx.name}-alb`,
    {
      // Internet-facing Application Load Balancer, the defaults: `internal` and `loadBalancerType` would replace it.
      name: loadBalancerName(project, stack, ctx.name),
      securityGroups: [securityGroupId],
      subnets: placement.subnetIds,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "defensive",
      enableDeletionProtection: settings.deletionProtection,
      ...(settings.accessLogs
        ? {
            accessLogs: {
              enabled: true,
              bucket: settings.accessLogs.bucket,
              ...(settings.accessLogs.prefix ? { prefix: settings.accessLogs.prefix } : {}),
            },
          }
        : {}),
      tags: ctx.tags,
    },
    opts,
  );
  const protocol = "HTTP";
  const targetGroup = new aws.lb.TargetGroup(
    `${ctx.name}-tg`,
    {
      name: placement.vpcId.apply((vpcId) =>
        targetGroupName(project, stack, ctx.name, JSON.stringify({ port: settings.containerPort, protocol, targetType: "ip", vpcId })),
      ),
      port: settings.containerPort,
      protocol,
      targetType: "ip",
      vpcId: placement.vpcId,
      healthCheck: targetGroupHealthCheck(settings.healthCheck),
      tags: ctx.tags,
    },
    opts,
  );
  const httpsListener = new aws.lb.Listener(
    `${ctx.name}-https`,
    {
      loadBalancerArn: loadBalancer.arn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: settings.sslPolicy,
      certificateArn: settings.certificateArn,
      defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
      tags: ctx.tags,
    },
    opts,
  );
  if (settings.httpRedirect) createHttpRedirect(ctx, loadBalancer);
  return { loadBalancer, targetGroup, httpsListener };
}

/** The HTTP listener on port 80 that answers every request with a 301 to the same URL on HTTPS. */
function createHttpRedirect(ctx: ChildContext, loadBalancer: aws.lb.LoadBalancer): void {
  const opts = { parent: ctx.parent };
  new aws.lb.Listener(
    `${ctx.name}-http`,
    {
      loadBalancerArn: loadBalancer.arn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
      tags: ctx.tags,
    },
    opts,
  );
}
