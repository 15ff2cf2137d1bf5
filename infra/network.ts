import * as awsx from "@pulumi/awsx";
import type { NetworkArgs } from "secure-fargate-task";
import type { NetworkMode } from "./config";

/**
 * Where the service's tasks run. `default`: the account's default VPC and its default subnets, each task with a public
 * IP, as the AWS blog runs it (no NAT gateway to pay for): `SecureFargateTask` looks it up when `network` is left out,
 * and an account without one (AWS Control Tower deletes them) fails with the two ways out instead of awsx's
 * "unable to find default VPC". `private`: a new VPC whose tasks sit in private subnets with
 * no public IP and reach X and the AWS APIs through one NAT gateway (one, not one per zone: the service runs a single
 * task, and a NAT gateway costs by the hour).
 */
export function createNetwork(mode: NetworkMode): NetworkArgs | undefined {
  if (mode === "private") {
    // A VPC of our own with private subnets, so that no task has a public address.
    const vpc = new awsx.ec2.Vpc("twitterstream-vpc", {
      numberOfAvailabilityZones: 2,
      subnetSpecs: [{ type: awsx.ec2.SubnetType.Private }, { type: awsx.ec2.SubnetType.Public }],
      natGateways: { strategy: awsx.ec2.NatGatewayStrategy.Single },
    });
    return { subnetIds: vpc.privateSubnetIds, assignPublicIp: false };
  }
  // The account's default VPC, as the blog uses: nothing to create.
  return undefined;
}
