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
 * The default VPC's id among the `is-default` VPCs of the region, or a `ResourceError` that says what to do when the
 * account has none (AWS Control Tower and many organisations delete default VPCs).
 * https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
 */
export function defaultVpcId(ids: readonly string[], region: string, name: string, parent: pulumi.Resource): string {
  if (ids.length > 0) return ids[0];
  throw new pulumi.ResourceError(
    `SecureFargateTask "${name}": \`network\` was left out, so the tasks would run in the default VPC, but this account has no default VPC in ${region}. ` +
      `Give \`network: { subnetIds: [...] }\` (private subnets with a NAT gateway or VPC endpoints), or create a default VPC with \`aws ec2 create-default-vpc --region ${region}\`.`,
    parent,
  );
}

/** Where the tasks run: subnets, their VPC, and whether tasks get a public IP. */
export interface NetworkLocation {
  subnetIds: pulumi.Output<string[]>;
  vpcId: pulumi.Output<string>;
  assignPublicIp: boolean;
}

/**
 * The caller's subnets; or else the default VPC's default subnets with a public IP, as the AWS blog runs it. The VPC
 * is the caller's `vpcId`, or looked up from the first subnet.
 */
export function locateNetwork(name: string, network: NetworkArgs | undefined, parent: pulumi.Resource): NetworkLocation {
  const invokeOpts = { parent };
  let subnetIds: pulumi.Output<string[]>;
  let vpcId: pulumi.Output<string>;
  if (network) {
    subnetIds = pulumi.output(network.subnetIds);
    vpcId =
      network.vpcId !== undefined
        ? pulumi.output(network.vpcId)
        : aws.ec2.getSubnetOutput({ id: subnetIds.apply((ids) => ids[0]) }, invokeOpts).vpcId;
  } else {
    // getVpcs, not getVpc: an account without a default VPC (common under AWS Control Tower) then gets our message,
    // not "no matching EC2 VPC found" (terraform-provider-aws ec2/vpc_vpcs_data_source.go returns an empty list).
    const region = aws.getRegionOutput({}, invokeOpts).region;
    vpcId = pulumi
      .all([aws.ec2.getVpcsOutput({ filters: [{ name: "is-default", values: ["true"] }] }, invokeOpts).ids, region])
      .apply(([ids, r]) => defaultVpcId(ids, r, name, parent));
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
  return { subnetIds, vpcId, assignPublicIp: network ? (network.assignPublicIp ?? false) : true };
}

/** Traffic the tasks' security group admits: TCP on one port, from these security groups only. */
export interface TaskIngress {
  port: number;
  securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
}

/** The NFS port of EFS mount targets. https://docs.aws.amazon.com/efs/latest/ug/network-access.html */
export const NFS_PORT = 2049;

/**
 * The tasks' security groups: the caller's (whose rules are the caller's), or one the component makes: egress on TCP
 * 443 only (ECR, Secrets Manager, CloudWatch Logs and the application's HTTPS APIs) and on NFS (TCP 2049) to the
 * security groups of EFS mount targets in `nfsSecurityGroupIds`, and no ingress but `ingress`, from a load
 * balancer's groups on the container port.
 */
export function resolveNetwork(
  name: string,
  network: NetworkArgs | undefined,
  location: NetworkLocation,
  tags: Record<string, string>,
  parent: pulumi.Resource,
  ingress?: TaskIngress,
  nfsSecurityGroupIds: pulumi.Input<string>[] = [],
): ResolvedNetwork {
  const { subnetIds, vpcId, assignPublicIp } = location;
  if (network?.securityGroupIds) {
    return { subnetIds, securityGroupIds: pulumi.output(network.securityGroupIds), assignPublicIp, securityGroup: undefined };
  }
  const securityGroup = new aws.ec2.SecurityGroup(
    `${name}-sg`,
    {
      description: taskGroupDescription(name, ingress !== undefined, nfsSecurityGroupIds.length > 0),
      vpcId,
      ingress: ingress
        ? [
            {
              description: "From the load balancer, on the container port only",
              protocol: "tcp",
              fromPort: ingress.port,
              toPort: ingress.port,
              securityGroups: ingress.securityGroupIds,
            },
          ]
        : [],
      egress: [
        {
          // EC2 allows only a-zA-Z0-9, space and ._-:/()#,@[]+=&;{}!$* here: no apostrophe (see the test kit's awsRules).
          description: "HTTPS to AWS APIs and to the endpoints of the application",
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ["0.0.0.0/0"],
          ipv6CidrBlocks: ["::/0"],
        },
        ...(nfsSecurityGroupIds.length > 0
          ? [
              {
                description: "NFS to the EFS mount targets",
                protocol: "tcp",
                fromPort: NFS_PORT,
                toPort: NFS_PORT,
                securityGroups: nfsSecurityGroupIds,
              },
            ]
          : []),
      ],
      revokeRulesOnDelete: true,
      tags,
    },
    { parent },
  );
  return { subnetIds, securityGroupIds: pulumi.output([securityGroup.id]), assignPublicIp, securityGroup };
}

/** The description of the tasks' group; without NFS, what it has always been (a new description replaces the group). */
export function taskGroupDescription(name: string, loadBalancer: boolean, nfs: boolean): string {
  const egress = nfs ? "HTTPS and NFS to EFS egress" : "HTTPS egress";
  return `Tasks of ${name}: ${egress}${loadBalancer ? ", ingress from the load balancer only" : " only, no ingress"}`;
}
