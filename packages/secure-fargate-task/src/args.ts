import * as pulumi from "@pulumi/pulumi";
import type { ImagePlatform } from "./fargate";

/** How the component lays out the secrets it creates in Secrets Manager. */
export type SecretLayout = "single" | "perVariable";

/**
 * How secrets reach the app. `environment`: ECS injects them as environment variables when the task starts.
 * `files`: an init container writes each to a file on a task-scoped volume; the app reads `<NAME>_FILE`.
 */
export type SecretDelivery = "environment" | "files";

/** Whether the component runs a long-lived service or only defines a task for one-off `aws ecs run-task` runs. */
export type RunMode = "service" | "task";

/**
 * A secret kept in Secrets Manager by someone else. The component looks it up, so a name or a partial ARN still
 * yields a grant on the exact ARN that AWS evaluates (with its 6-character suffix).
 */
export interface ExistingSecretsManagerSecret {
  /** Full ARN, partial ARN (no suffix) or name of the secret, in this account and region. */
  secretsManager: pulumi.Input<string>;
  /** Extract this key of a JSON secret. @default - the whole secret string */
  jsonKey?: string;
  /** Pin this version. Exclusive with `versionStage` and `followRotation`. @default - see `followRotation` */
  versionId?: pulumi.Input<string>;
  /** Follow this staging label, e.g. `AWSPREVIOUS`. @default "AWSCURRENT" */
  versionStage?: string;
  /**
   * The secret's customer-managed KMS key, granted `kms:Decrypt` via Secrets Manager.
   * @default - the key Secrets Manager reports for the secret; none for the AWS managed key
   */
  kmsKeyArn?: pulumi.Input<string>;
  /**
   * Roll the service when this secret changes outside Pulumi (managed rotation, a rotation function, by hand): an
   * EventBridge rule on exactly this secret's change events starts a new deployment.
   * @default false
   */
  followRotation?: boolean;
}

/** An SSM Parameter Store `SecureString` parameter (or `String`), in this account and region. */
export interface SsmParameterSecret {
  /** Name (`/app/token`) or ARN of the parameter; `name:version` pins a version. */
  ssmParameter: pulumi.Input<string>;
  /** The parameter's customer-managed KMS key. @default - the AWS managed key `aws/ssm`: no grant needed */
  kmsKeyArn?: pulumi.Input<string>;
}

/**
 * A value the component stores as an object in its own encrypted S3 bucket (public access blocked, TLS only,
 * SSE-KMS, versioned) and always delivers as a file: suits certificates and other large or multi-line secrets.
 */
export interface S3ObjectSecret {
  /** The object's content. A plain string is wrapped with `pulumi.secret`. */
  s3Object: pulumi.Input<string>;
}

/**
 * Where one secret comes from: a value (stored by the component in Secrets Manager), an existing Secrets Manager
 * secret, an SSM parameter, or an S3 object.
 */
export type SecretSource = pulumi.Input<string> | ExistingSecretsManagerSecret | SsmParameterSecret | S3ObjectSecret;

/** Credentials for a private registry outside ECR, as ECS reads them from Secrets Manager. */
export type RegistryCredentials =
  | { username: pulumi.Input<string>; password: pulumi.Input<string> }
  | { secretsManager: pulumi.Input<string>; kmsKeyArn?: pulumi.Input<string> };

/** Log routing other than the default `awslogs` to the component's log group. */
export interface LoggingArgs {
  /** A log driver Fargate supports. */
  logDriver: "awslogs" | "splunk" | "awsfirelens";
  /** Driver options. */
  options?: Record<string, string>;
  /** Driver options whose values are secrets (a Splunk token, say), injected by reference like `secrets`. */
  secretOptions?: Record<string, SecretSource>;
}

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

/** An image built elsewhere, pulled by name (a digest reference is best). */
export interface PrebuiltImageArgs {
  /**
   * Image reference, e.g. `ghcr.io/org/app@sha256:...`. An ECR image (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>...`)
   * gets the execution role `ecr:GetAuthorizationToken` and the pull on exactly that repository; a repository in another
   * account must also allow the role in its repository policy.
   */
  name: pulumi.Input<string>;
  /** Credentials for a private registry outside ECR (refused for an ECR image). @default - none: a public image, or ECR */
  repositoryCredentials?: RegistryCredentials;
  /** The image's platform, for the task's `runtimePlatform`. @default "linux/amd64" */
  platform?: ImagePlatform;
}

/** The container image the component builds and pushes to its own ECR repository. */
export interface ImageArgs {
  /**
   * Path of the Docker build context, relative to the Pulumi program's working directory: the folder `main` names in
   * `Pulumi.yaml` when it names one (compute it from `__dirname` to be independent of it).
   */
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
  /**
   * The subnets' VPC, for the security group the component makes when `securityGroupIds` is not given.
   * @default - looked up from the first subnet
   */
  vpcId?: pulumi.Input<string>;
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
  /** The image: built from source and pushed to the component's ECR repository, or pulled by name. */
  image: ImageArgs | PrebuiltImageArgs;
  /**
   * The container's secrets: environment variable name -> source. A value (typically `config.requireSecret("...")`;
   * a plain string is wrapped with `pulumi.secret`) is stored in Secrets Manager by the component; or name an existing
   * Secrets Manager secret, an SSM parameter, or an S3 object. Each reaches the container only when a task starts,
   * never as plaintext in the task definition, pinned to a version: changing a value and running `pulumi up` rolls
   * the service.
   */
  secrets: Record<string, SecretSource>;
  /**
   * How secrets reach the app: as environment variables injected by ECS, or as files written by an init container
   * to a task-scoped volume (`<NAME>_FILE` points at each). S3 objects are always files.
   * @default "environment"
   */
  secretDelivery?: SecretDelivery;
  /** Run a service, or only define the task and output the `aws ecs run-task` command line. @default "service" */
  runMode?: RunMode;
  /** Log routing. @default - awslogs to the component's log group, non-blocking */
  logging?: LoggingArgs;
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
  /**
   * User (and group) the container runs as; must not be root. The root filesystem is read-only; `/tmp` is a
   * task-scoped volume, which Fargate creates root-owned 0755 unless the image declares `VOLUME ["/tmp"]` (ECS then
   * copies the image's `/tmp`, mode 1777, into it): declare it if the app writes temporary files.
   * @default "1000:1000"
   */
  user?: string;
  /** Seconds ECS waits after SIGTERM before it kills the container (2 to 120). @default 30 */
  stopTimeoutSeconds?: number;
  /** Tags for every taggable child. @default - none */
  tags?: Record<string, string>;
}
