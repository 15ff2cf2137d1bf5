import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import type { CreatedAlbSettings } from "./settings";

/** The ports the ALB listens on: HTTPS, and HTTP only to redirect to HTTPS. */
const HTTPS_PORT = { suffix: "https", port: 443, description: "HTTPS from clients" } as const;
const HTTP_PORT = { suffix: "http", port: 80, description: "HTTP from clients, redirected to HTTPS" } as const;

/**
 * The ALB's security group: ingress on 443 (and 80 with `httpRedirect`) from `ingressCidrBlocks`, and (see
 * {@link admitToTasks}) egress only to the tasks' groups on the container port. Every rule is its own resource (`aws.vpc.SecurityGroupIngressRule`,
 * `...EgressRule`), none inline: the egress rules refer to the tasks' group, which refers to this one, and
 * terraform-provider-aws warns against mixing inline rules with rule resources on one group (aws_security_group docs).
 * The provider removes the default allow-all egress rule of a new group, so the ALB reaches nothing else.
 */
export function createAlbSecurityGroup(ctx: ChildContext, vpcId: pulumi.Input<string>, settings: CreatedAlbSettings): aws.ec2.SecurityGroup {
  const opts = { parent: ctx.parent };
  const ports = settings.httpRedirect ? [HTTPS_PORT, HTTP_PORT] : [HTTPS_PORT];
  const group = new aws.ec2.SecurityGroup(
    `${ctx.name}-lb-sg`,
    {
      description: `Load balancer of ${ctx.name}: ${ports.map((p) => p.suffix.toUpperCase()).join(" and ")} in, the tasks out`,
      vpcId,
      revokeRulesOnDelete: true,
      tags: ctx.tags,
    },
    opts,
  );
  for (const { suffix, port, description } of ports) {
    settings.ingressCidrBlocks.forEach((cidr, i) => {
      new aws.vpc.SecurityGroupIngressRule(
        `${ctx.name}-lb-${suffix}-${i}`,
        { securityGroupId: group.id, description, ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4: cidr, tags: ctx.tags },
        opts,
      );
    });
  }
  return group;
}

/** Egress from the ALB's group to each of the tasks' groups, on the container port only. */
export function admitToTasks(ctx: ChildContext, albGroup: aws.ec2.SecurityGroup, taskGroupIds: pulumi.Input<string>[], port: number): void {
  taskGroupIds.forEach((id, i) => {
    new aws.vpc.SecurityGroupEgressRule(
      `${ctx.name}-lb-to-tasks-${i}`,
      {
        securityGroupId: albGroup.id,
        description: "To the tasks, on the container port only",
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: id,
        tags: ctx.tags,
      },
      { parent: ctx.parent },
    );
  });
}
