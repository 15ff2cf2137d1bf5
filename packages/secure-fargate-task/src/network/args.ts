import type * as pulumi from "@pulumi/pulumi";

/** Where the tasks run. */
export interface NetworkArgs {
  /** Subnets of the tasks (private subnets with a NAT gateway or VPC endpoints, ideally). */
  subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Security groups of the tasks.
   * @default - one the component creates in the subnets' VPC: egress on TCP 443 only, no ingress
   */
  securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Give each task a public IP (needed in public subnets without a NAT gateway). @default false */
  assignPublicIp?: boolean;
  /**
   * The subnets' VPC, for the security group the component makes when `securityGroupIds` is not given.
   * @default - looked up from the first subnet
   */
  vpcId?: pulumi.Input<string>;
}
