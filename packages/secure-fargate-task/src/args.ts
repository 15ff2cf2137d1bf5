import * as pulumi from "@pulumi/pulumi";
import type { ImagePlatform } from "./fargate";

/** How the component lays out the secrets it creates in Secrets Manager. */
export type SecretLayout = "single" | "perVariable";

/** One IAM policy statement, with resources that may be outputs of other resources (a table's ARN, say). */
export interface PolicyStatementArgs {
  /** Statement id. @default - none */
  Sid?: string;
  /** `Allow` or `Deny`. */
  Effect: "Allow" | "Deny";
  /** One action or a list; `*` alone is rejected. */
  Action: string | string[];
  /** One resource ARN or a list. */
  Resource: pulumi.Input<string> | pulumi.Input<string>[];
  /** IAM condition block: operator -> key -> value(s). @default - none */
  Condition?: Record<string, Record<string, pulumi.Input<string> | pulumi.Input<string>[]>>;
}

/** The container image the component builds and pushes to its own ECR repository. */
export interface ImageArgs {
  /** Path of the Docker build context, relative to the Pulumi program's working directory. */
  context: string;
  /**
   * Path of the Dockerfile, relative to the Pulumi program's working directory, as `@pulumi/docker` reads it.
   * @default `<context>/Dockerfile`
   */
  dockerfile?: string;
  /**
   * Platform to build for. The task's `runtimePlatform.cpuArchitecture` follows it (`X86_64` or `ARM64`), so an arm64
   * image built on a laptop never lands on x86 Fargate.
   * @default "linux/amd64"
   */
  platform?: ImagePlatform;
  /** Docker build arguments. Not for secrets: build arguments end up in the image history. @default - none */
  buildArgs?: Record<string, pulumi.Input<string>>;
  /** Keep this many most recent images in the repository; the ECR lifecycle policy expires older ones. @default 10 */
  keepImages?: number;
}

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
}

/** Rolling deployment limits, in percent of `desiredCount`. */
export interface DeploymentArgs {
  /** Lower limit of running tasks during a deployment. @default 100 */
  minimumHealthyPercent?: number;
  /** Upper limit of running or pending tasks during a deployment. @default 200 */
  maximumPercent?: number;
}

/** Arguments of {@link SecureFargateTask}. */
export interface SecureFargateTaskArgs {
  /** The image to build from source and push to the component's ECR repository. */
  image: ImageArgs;
  /**
   * The container's secrets: environment variable name -> value. Typically `config.requireSecret("...")`. Each value is
   * stored in Secrets Manager (a plain string is wrapped with `pulumi.secret` first) and injected by ECS when a task
   * starts, never as plaintext in the task definition. Changing a value and running `pulumi up` rolls the service.
   */
  secrets: Record<string, pulumi.Input<string>>;
  /**
   * `single`: one JSON secret holds every value (one secret to pay for, audit and rotate as a set; ECS extracts each
   * key). `perVariable`: one secret per variable (separate access policies or rotation per value).
   * @default "single"
   */
  secretLayout?: SecretLayout;
  /** Plaintext, non-sensitive environment variables: name -> value. @default - none */
  environment?: Record<string, pulumi.Input<string>>;
  /** What the application itself may do, as the task role's only policy. @default - nothing */
  taskRolePolicyStatements?: PolicyStatementArgs[];
  /** Task CPU units (1024 = 1 vCPU); with `memory`, a pair Fargate offers. @default 256 */
  cpu?: number;
  /** Task memory in MiB; with `cpu`, a pair Fargate offers. @default 512 */
  memory?: number;
  /** Number of tasks the service keeps running. @default 1 */
  desiredCount?: number;
  /** Where the tasks run. @default - the default VPC's default subnets, with a public IP, as in the AWS blog */
  network?: NetworkArgs;
  /** CloudWatch Logs retention in days (one of the values CloudWatch accepts; 0 = never expire). @default 30 */
  logRetentionInDays?: number;
  /** Rolling deployment limits. @default - minimum 100 %, maximum 200 % */
  deployment?: DeploymentArgs;
  /**
   * A customer-managed KMS key to encrypt the secrets, log group and repository with. Its key policy must let the
   * account's IAM policies use it and let CloudWatch Logs use it for this log group.
   * @default - a key the component creates, with rotation on and a scoped key policy
   */
  kmsKeyArn?: pulumi.Input<string>;
  /** An existing ECS cluster to run in. @default - a cluster the component creates, with Container Insights */
  clusterArn?: pulumi.Input<string>;
  /** Name of the container in the task definition. @default "app" */
  containerName?: string;
  /** User (and group) the container runs as; must not be root. @default "1000:1000" */
  user?: string;
  /** Seconds ECS waits after SIGTERM before it kills the container (2 to 120). @default 30 */
  stopTimeoutSeconds?: number;
  /** Tags for every taggable child. @default - none */
  tags?: Record<string, string>;
}
