import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkArgs } from "./args";

/** Where the service's tasks run, resolved. */
export interface ResolvedNetwork {
  subnetIds: pulumi.Output<string[]>;
  securityGroupIds: pulumi.Output<string[]>;
  assignPublicIp: boolean;
  /** The security group the component made, when the caller gave none. */
  securityGroup: aws.ec2.SecurityGroup | undefined;
}

/**
 * The caller's subnets and security groups; or else the default VPC's default subnets with a public IP, as the AWS
 * blog runs it. Without caller security groups, the component makes one: egress on TCP 443 only (ECR, Secrets
 * Manager, CloudWatch Logs and the application's HTTPS APIs), no ingress.
 */
export function resolveNetwork(
  name: string,
  network: NetworkArgs | undefined,
  tags: Record<string, string>,
  parent: pulumi.Resource,
): ResolvedNetwork {
  const invokeOpts = { parent };
  let subnetIds: pulumi.Output<string[]>;
  let vpcId: pulumi.Output<string>;
  if (network) {
    subnetIds = pulumi.output(network.subnetIds);
    vpcId =
      network.vpcId !== undefined
        ? pulumi.output(network.vpcId)
        : aws.ec2.getSubnetOutput({ id: subnetIds.apply((ids) => ids[0]!) }, invokeOpts).vpcId;
  } else {
    vpcId = aws.ec2.getVpcOutput({ default: true }, invokeOpts).id;
    subnetIds = aws.ec2.getSubnetsOutput(
      {
        filters: [
          { name: "vpc-id", values: [vpcId] },
          { name: "default-for-az", values: ["true"] },
        ],
      },
      invokeOpts,
    ).ids;
  }
  const assignPublicIp = network ? (network.assignPublicIp ?? false) : true;
  if (network?.securityGroupIds) {
    return { subnetIds, securityGroupIds: pulumi.output(network.securityGroupIds), assignPublicIp, securityGroup: undefined };
  }
  const securityGroup = new aws.ec2.SecurityGroup(
    `${name}-sg`,
    {
      description: `Tasks of ${name}: HTTPS egress only, no ingress`,
      vpcId,
      ingress: [],
      egress: [
        {
          // EC2 allows only a-zA-Z0-9, space and ._-:/()#,@[]+=&;{}!$* here: no apostrophe (see test/awsRules).
          description: "HTTPS to AWS APIs and to the endpoints of the application",
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ["0.0.0.0/0"],
          ipv6CidrBlocks: ["::/0"],
        },
      ],
      revokeRulesOnDelete: true,
      tags,
    },
    { parent },
  );
  return { subnetIds, securityGroupIds: pulumi.output([securityGroup.id]), assignPublicIp, securityGroup };
}
