import * as pulumi from "@pulumi/pulumi";
import type { AppProtocol, PortProtocol } from "./args";

/** A port mapping after validation, defaults filled in. */
export interface PortMappingSettings {
  containerPort: number;
  protocol: PortProtocol;
  name?: string;
  appProtocol?: AppProtocol;
}

/** The target group's health check after validation, defaults filled in. */
export interface HealthCheckSettings {
  path: string;
  matcher: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
}

/** An Application Load Balancer the component creates. */
export interface CreatedAlbSettings {
  kind: "create";
  certificateArn: pulumi.Input<string>;
  containerPort: number;
  /** The ALB's subnets; undefined: the tasks' (default VPC) subnets. */
  subnetIds: pulumi.Input<string>[] | undefined;
  ingressCidrBlocks: string[];
  sslPolicy: string;
  accessLogs: { bucket: pulumi.Input<string>; prefix: string | undefined } | undefined;
  deletionProtection: boolean;
  /** Whether the ALB listens on port 80 to redirect to HTTPS. */
  httpRedirect: boolean;
  healthCheck: HealthCheckSettings;
}

/** An existing target group the service registers its tasks in. */
export interface AttachedTargetGroupSettings {
  kind: "attach";
  targetGroupArn: pulumi.Input<string>;
  containerPort: number;
  /** The load balancer's security groups, admitted by the tasks' group; empty when the caller owns the tasks' groups. */
  securityGroupIds: pulumi.Input<string>[];
}

export type LoadBalancerSettings = CreatedAlbSettings | AttachedTargetGroupSettings;
