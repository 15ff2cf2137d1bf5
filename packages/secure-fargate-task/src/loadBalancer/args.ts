import * as pulumi from "@pulumi/pulumi";

/** The transport protocol of a container port. */
export const PortProtocol = { Tcp: "tcp", Udp: "udp" } as const;
export type PortProtocol = (typeof PortProtocol)[keyof typeof PortProtocol];

/**
 * The application protocol of a named port, for ECS Service Connect and VPC Lattice: `http`, `http2` or `grpc`.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
 */
export const AppProtocol = { Http: "http", Http2: "http2", Grpc: "grpc" } as const;
export type AppProtocol = (typeof AppProtocol)[keyof typeof AppProtocol];

/**
 * A port the container listens on. Fargate tasks use `awsvpc`: the host port is the container port.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
 */
export interface PortMappingArgs {
  /** The port number, 1 to 65535. */
  containerPort: number;
  /** `tcp` or `udp`. @default "tcp" */
  protocol?: PortProtocol;
  /**
   * A name for the port, for Service Connect: up to 64 lower-case letters, digits, `_` and `-`, not starting with `-`.
   * @default - none
   */
  name?: string;
  /** With `name`: the application protocol (`http`, `http2`, `grpc`), for Service Connect metrics. @default - none */
  appProtocol?: AppProtocol;
}

/**
 * How the load balancer checks a task: an HTTP request to `path` on the traffic port.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
 */
export interface TargetHealthCheckArgs {
  /** The path requested, starting with `/`. @default "/" */
  path?: string;
  /** The HTTP codes that mean healthy: `200`, `200,204`, `200-299`, between 200 and 499. @default "200" */
  matcher?: string;
  /** Seconds between checks of one target, 5 to 300. @default 15 */
  intervalSeconds?: number;
  /** Seconds without a response that fail a check, 2 to 120 and less than `intervalSeconds`. @default 5 */
  timeoutSeconds?: number;
  /** Consecutive successes before a new task gets traffic, 2 to 10. @default 2 */
  healthyThreshold?: number;
  /** Consecutive failures before a task is taken out (and replaced by ECS), 2 to 10. @default 3 */
  unhealthyThreshold?: number;
}

/**
 * Where the load balancer writes its access logs: an S3 bucket in the same region whose bucket policy lets Elastic
 * Load Balancing write (SSE-S3 only: ELB cannot write to a bucket with SSE-KMS by default).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
export interface AccessLogsArgs {
  /** The bucket's name. */
  bucket: pulumi.Input<string>;
  /** A key prefix, without leading or trailing `/`, not containing `AWSLogs`. @default - none */
  prefix?: string;
}

/**
 * Traffic from a load balancer to the service: either attach to an existing target group (`targetGroupArn`, of an
 * Application or Network Load Balancer), or give `certificateArn` and the component creates an internet-facing
 * Application Load Balancer with an HTTPS listener, an HTTP listener that redirects to HTTPS, and a target group.
 * Either way the tasks' security group (the component's) admits only the load balancer's security groups, and only on
 * the container port.
 */
export interface LoadBalancerArgs {
  /**
   * Attach to this existing target group (`ip` target type, as `awsvpc` tasks need), of an ALB or an NLB. Exclusive
   * with `certificateArn`.
   * @default - none
   */
  targetGroupArn?: pulumi.Input<string>;
  /**
   * With `targetGroupArn`: the load balancer's security groups, which the tasks' security group admits on the container
   * port. Required unless `network.securityGroupIds` is given (then those groups are yours, and so are their rules).
   * An NLB without security groups (one created before August 2023 or without any) cannot be admitted this way: give
   * `network.securityGroupIds` with the rules it needs.
   * @default - none
   */
  securityGroupIds?: pulumi.Input<string>[];
  /**
   * Create an Application Load Balancer whose HTTPS listener serves this ACM certificate
   * (`arn:aws:acm:<region>:<account>:certificate/<id>`, in the stack's region). Exclusive with `targetGroupArn`.
   * @default - none
   */
  certificateArn?: pulumi.Input<string>;
  /** The container port that receives the traffic: one of the `tcp` `portMappings`. @default - the first `tcp` port mapping */
  containerPort?: number;
  /**
   * With `certificateArn`: the ALB's subnets, public ones in at least two Availability Zones.
   * @default - the tasks' subnets when `network` is left out (the default VPC's default subnets); required with `network`
   */
  subnetIds?: pulumi.Input<string>[];
  /** With `certificateArn`: the IPv4 CIDR blocks admitted on ports 443 and 80. @default ["0.0.0.0/0"] */
  ingressCidrBlocks?: string[];
  /**
   * With `certificateArn`: the HTTPS listener's security policy, one whose minimum is TLS 1.2 (`ELBSecurityPolicy-TLS13-1-2-*`,
   * `-TLS13-1-3-*`, `-TLS-1-2-*`, `-FS-1-2-*`). The default is the one AWS recommends and the console uses.
   * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
   * @default "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"
   */
  sslPolicy?: string;
  /** With `certificateArn`: write access logs to this bucket. @default - no access logs */
  accessLogs?: AccessLogsArgs;
  /**
   * With `certificateArn`: also listen on HTTP (port 80), only to answer 301 to the same URL on HTTPS, so that a client
   * typing the bare name reaches the service. `false`: HTTPS only, no port 80 listener or ingress (an `http://` request
   * is refused), which Security Hub ELB.18 asks for: it fails a listener that is not HTTPS, redirect or not.
   * @default true
   */
  httpRedirect?: boolean;
  /** With `certificateArn`: refuse to delete the ALB while this is on (turn it off, `pulumi up`, then destroy). @default true */
  deletionProtection?: boolean;
  /** With `certificateArn`: the target group's health check. @default - `GET /`, 200, every 15 s, 2 to be healthy, 3 to be unhealthy */
  healthCheck?: TargetHealthCheckArgs;
}
