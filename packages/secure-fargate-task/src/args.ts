import * as pulumi from "@pulumi/pulumi";
import type { LoadBalancerArgs, PortMappingArgs } from "./loadBalancer/args";
import type { EfsVolumeArgs } from "./storage/args";
import type { AutoScalingArgs } from "./scaling/args";
import type { ScheduleArgs } from "./schedule/args";
import type { CapacityProviderStrategyItemArgs } from "./capacity/args";

/**
 * How the component lays out the secrets it creates in Secrets Manager. `single`: one JSON secret holds every value;
 * `perVariable`: one secret per variable.
 */
export const SecretLayout = { Single: "single", PerVariable: "perVariable" } as const;
export type SecretLayout = (typeof SecretLayout)[keyof typeof SecretLayout];

/**
 * How secrets reach the app. `environment`: ECS injects them as environment variables when the task starts.
 * `files`: an init container writes each to a file on a task-scoped volume; the app reads `<NAME>_FILE`.
 */
export const SecretDelivery = { Environment: "environment", Files: "files" } as const;
export type SecretDelivery = (typeof SecretDelivery)[keyof typeof SecretDelivery];

/**
 * Whether the component runs a long-lived service or only defines a task: for one-off `aws ecs run-task` runs, or for
 * runs on a `schedule`.
 */
export const RunMode = { Service: "service", Task: "task" } as const;
export type RunMode = (typeof RunMode)[keyof typeof RunMode];

/** A log driver Fargate supports. */
export const LogDriver = { Awslogs: "awslogs", Splunk: "splunk", Awsfirelens: "awsfirelens" } as const;
export type LogDriver = (typeof LogDriver)[keyof typeof LogDriver];

/** The effect of an IAM policy statement. */
export const Effect = { Allow: "Allow", Deny: "Deny" } as const;
export type Effect = (typeof Effect)[keyof typeof Effect];

/** A Docker platform the component builds for; the task's `runtimePlatform.cpuArchitecture` follows it. */
export const ImagePlatform = { LinuxAmd64: "linux/amd64", LinuxArm64: "linux/arm64" } as const;
export type ImagePlatform = (typeof ImagePlatform)[keyof typeof ImagePlatform];

/**
 * Where one secret comes from: give exactly one of `value`, `secretsManager`, `ssmParameter` or `s3Object`.
 *
 * - `value`: the component stores it in Secrets Manager (typically `config.requireSecret("...")`; a plain string is
 *   wrapped with `pulumi.secret`), pinned to the version that holds it: change it, run `pulumi up`, the service rolls.
 * - `secretsManager`: a secret kept by someone else, looked up so that a name or partial ARN still yields a grant on
 *   the exact ARN AWS evaluates; with `jsonKey`, `versionId` or `versionStage`, and `followRotation`.
 * - `ssmParameter`: a Parameter Store `SecureString` (or `String`).
 * - `s3Object`: content the component stores as an object of its own encrypted bucket (public access blocked, TLS
 *   only, SSE-KMS, versioned), always delivered as a file: suits certificates and other large secrets.
 */
export interface SecretRefArgs {
  /** The secret's value, stored by the component in Secrets Manager. */
  value?: pulumi.Input<string>;
  /** Full ARN, partial ARN (no suffix) or name of an existing Secrets Manager secret, in this account and region. */
  secretsManager?: pulumi.Input<string>;
  /** With `secretsManager`: extract this key of a JSON secret. @default - the whole secret string */
  jsonKey?: string;
  /** With `secretsManager`: pin this version. Exclusive with `versionStage` and `followRotation`. @default - the current version */
  versionId?: pulumi.Input<string>;
  /** With `secretsManager`: follow this staging label, e.g. `AWSPREVIOUS`. @default "AWSCURRENT" */
  versionStage?: string;
  /**
   * With `secretsManager`: roll the service when this secret changes outside Pulumi (managed rotation, a rotation
   * function, by hand): an EventBridge rule on exactly this secret's change events starts a new deployment.
   * @default false
   */
  followRotation?: boolean;
  /** Name (`/app/token`) or ARN of an SSM parameter; `name:version` pins a version. */
  ssmParameter?: pulumi.Input<string>;
  /** Content of an object the component stores in its own bucket and delivers as a file. */
  s3Object?: pulumi.Input<string>;
  /**
   * With `secretsManager` or `ssmParameter`: the customer-managed KMS key that encrypts it, granted `kms:Decrypt` via
   * that service only.
   * @default - for `secretsManager`, the key Secrets Manager reports (none for the AWS managed key); for `ssmParameter`, none (`aws/ssm`)
   */
  kmsKeyArn?: pulumi.Input<string>;
}

/**
 * Credentials for a private registry outside ECR, as ECS reads them from Secrets Manager: `username` and `password`
 * (stored by the component), or `secretsManager`, an existing secret holding `{"username","password"}`.
 */
export interface RegistryCredentialsArgs {
  /** The registry user name, with `password`. */
  username?: pulumi.Input<string>;
  /** The registry password or token, with `username`. */
  password?: pulumi.Input<string>;
  /** ARN or name of an existing secret holding the credentials. */
  secretsManager?: pulumi.Input<string>;
  /** With `secretsManager`: the secret's customer-managed KMS key. @default - the key Secrets Manager reports */
  kmsKeyArn?: pulumi.Input<string>;
}

/**
 * The FireLens log router (Fluent Bit) the component adds as container `log_router` with `logDriver: "awsfirelens"`:
 * essential, started before the app (`dependsOn` `START`), read-only root filesystem with a task-scoped `/tmp`, logging
 * with awslogs to the component's log group under the stream prefix `log_router`. It runs as root (UID 0), which
 * FireLens requires: Fluent Bit creates the socket the runtime's log driver connects to in a root-owned directory.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html
 */
export interface LogRouterArgs {
  /**
   * The Fluent Bit image, for the task's platform (`image.platform`). An ECR image gets the execution role the pull on
   * exactly its repository.
   * @default "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.34.3.20260623" (a multi-architecture tag of AWS for Fluent Bit's stable version)
   */
  image?: pulumi.Input<string>;
  /**
   * The router's `firelensConfiguration.options`: `enable-ecs-log-metadata` (`"true"` or `"false"`), and a custom
   * Fluent Bit configuration file in the image, `config-file-type: "file"` with `config-file-value: "/path"` (Fargate
   * reads no `s3` configuration file).
   * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FirelensConfiguration.html
   * @default - none (ECS adds the task's metadata to each record)
   */
  firelensOptions?: Record<string, string>;
  /** CPU units reserved for it, taken from the task's (the app gets the rest). @default 0 */
  cpu?: number;
  /**
   * Memory in MiB, its hard limit and reservation, taken from the task's (the app gets the rest); 6 or more. The router
   * is essential: if it runs out of memory, the task stops. Raise it for high log volumes or file buffering.
   * @default 128
   */
  memory?: number;
}

/** Log routing other than the default `awslogs` to the component's log group. */
export interface LoggingArgs {
  /** A log driver Fargate supports. */
  logDriver: LogDriver;
  /**
   * Driver options. With `awsfirelens`, the Fluent Bit output of the app's logs: `Name` (the plugin, e.g.
   * `cloudwatch_logs`, `firehose`, `s3`, `datadog`) and that plugin's settings.
   * @default - none
   */
  options?: Record<string, string>;
  /** Driver options whose values are secrets (a Splunk token, say), referenced like `secrets`. @default - none */
  secretOptions?: Record<string, SecretRefArgs>;
  /**
   * With `awsfirelens`: the log router the component adds. The task role gets no grant for the router's outputs: give
   * them in `taskRolePolicyStatements`.
   * @default - AWS for Fluent Bit with the defaults of {@link LogRouterArgs}
   */
  router?: LogRouterArgs;
}

/** One IAM policy statement, with resources that may be outputs of other resources (a table's ARN, say). */
export interface PolicyStatementArgs {
  /** Statement id. @default - none */
  Sid?: string;
  /** `Allow` or `Deny`. */
  Effect: Effect;
  /** The actions; `*` alone is rejected. */
  Action: string[];
  /** The resource ARNs. */
  Resource: pulumi.Input<string>[];
  /** IAM condition block: operator -> key -> values. @default - none */
  Condition?: Record<string, Record<string, pulumi.Input<string>[]>>;
}

/**
 * The container image: give `context` to have the component build it and push it to its own ECR repository, or
 * `name` to pull an image built elsewhere.
 */
export interface ImageArgs {
  /**
   * Path of the Docker build context, relative to the Pulumi program's working directory: the folder `main` names in
   * `Pulumi.yaml` when it names one (compute it from `__dirname` to be independent of it). The image is tagged with a
   * hash of everything that can change it and pushed to an ECR repository (scan on push, immutable tags, KMS); a tag
   * the repository already holds is not pushed again, and the task runs the image by digest.
   */
  context?: string;
  /**
   * With `context`: path of the Dockerfile, relative to the Pulumi program's working directory.
   * @default `<context>/Dockerfile`
   */
  dockerfile?: string;
  /** With `context`: Docker build arguments. Not for secrets: they end up in the image history. @default - none */
  buildArgs?: Record<string, pulumi.Input<string>>;
  /**
   * With `context`: keep this many most recent images of each kind; the ECR lifecycle policy expires older ones, but
   * never the images the task definition runs. @default 10
   */
  keepImages?: number;
  /**
   * An image built elsewhere, e.g. `ghcr.io/org/app@sha256:...` (a digest is best). An ECR image
   * (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>...`) gets the execution role `ecr:GetAuthorizationToken` and the
   * pull on exactly that repository; a repository in another account must also allow the role in its policy.
   */
  name?: pulumi.Input<string>;
  /** With `name`: credentials for a private registry outside ECR (refused for an ECR image). @default - none */
  repositoryCredentials?: RegistryCredentialsArgs;
  /**
   * The platform to build for, or of the image pulled by name: the task's CPU architecture follows it, so an arm64
   * image built on a laptop never lands on x86 Fargate.
   * @default "linux/amd64"
   */
  platform?: ImagePlatform;
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

/**
 * A container health check, run by ECS inside the container (its image, its user, its read-only root filesystem).
 * ECS marks the container UNHEALTHY after `retries` failures in a row outside the start period; an unhealthy
 * essential container makes the task unhealthy, and a service replaces it.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
 */
export interface ContainerHealthCheckArgs {
  /**
   * The command: `["CMD", executable, ...arguments]` runs it directly (no shell needed in the image),
   * `["CMD-SHELL", "command line"]` with the image's `/bin/sh`. Exit code 0 is healthy, anything else unhealthy.
   */
  command: string[];
  /** Seconds between two checks (5 to 300). @default 30 */
  intervalSeconds?: number;
  /** Seconds a check may take before it counts as failed (2 to 120). @default 5 */
  timeoutSeconds?: number;
  /** Failures in a row that make the container unhealthy (1 to 10). @default 3 */
  retries?: number;
  /** Seconds after start during which failures do not count (0 to 300). @default 0 */
  startPeriodSeconds?: number;
}

/**
 * When a container may start, relative to another container of the task.
 * `START`: once it has started. `COMPLETE`: once it has exited (it must not be essential). `SUCCESS`: once it has
 * exited 0 (it must not be essential). `HEALTHY`: once its health check passes (it must have one).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html
 */
export const DependencyCondition = { Start: "START", Complete: "COMPLETE", Success: "SUCCESS", Healthy: "HEALTHY" } as const;
export type DependencyCondition = (typeof DependencyCondition)[keyof typeof DependencyCondition];

/** A container this one waits for. */
export interface ContainerDependencyArgs {
  /** The app container (`containerName`) or another sidecar, by name. */
  containerName: string;
  /** What the other container must reach first. */
  condition: DependencyCondition;
}

/**
 * An additional container of the task, beside the app: an agent, a proxy, a collector. It runs with the app's
 * hardening (non-root, not privileged, read-only root filesystem with its own task-scoped `/tmp`, an init process as
 * PID 1), logs with awslogs to the component's log group under its own stream prefix, and gets its secrets the way
 * the app does, by reference, injected by ECS.
 */
export interface SidecarArgs {
  /**
   * The container's name: 1 to 251 letters, digits, hyphens or underscores (its `/tmp` volume is `<name>-tmp`, and
   * ECS names hold 255), unique in the task. Not the app's `containerName`, `secrets-init` or `log_router`.
   */
  name: string;
  /**
   * An image built elsewhere, e.g. `public.ecr.aws/datadog/agent@sha256:...`, for the task's platform (`image.platform`).
   * An ECR image gets the execution role the pull on exactly its repository.
   */
  image: pulumi.Input<string>;
  /** The command, replacing the image's `CMD`. @default - the image's */
  command?: string[];
  /** Plaintext, non-sensitive environment variables. @default - none */
  environment?: Record<string, pulumi.Input<string>>;
  /**
   * The sidecar's secrets, from the same sources as the app's `secrets`: `value` (stored by the component in Secrets
   * Manager, in a secret of this sidecar's own, laid out per `secretLayout`), `secretsManager` or `ssmParameter`. ECS
   * injects them as environment variables whatever `secretDelivery` says (that applies to the app); `s3Object`, which
   * only the app's init container can deliver, as a file, is refused. The execution role is granted each on its exact
   * ARN, and its KMS key.
   * @default - none
   */
  secrets?: Record<string, SecretRefArgs>;
  /**
   * Whether the task stops when this container stops. ECS (a container without `essential` is essential) and AWS
   * Copilot (a sidecar's `essential` defaults to true) agree; make a container that exits when done (a migration, a
   * warm-up) non-essential.
   * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
   * https://aws.github.io/copilot-cli/docs/developing/sidecars/
   * @default true
   */
  essential?: boolean;
  /** Containers this one waits for. No cycles; `COMPLETE`/`SUCCESS` only on a non-essential container. @default - none */
  dependsOn?: ContainerDependencyArgs[];
  /** A health check of this container (an essential one turning unhealthy makes the task unhealthy). @default - none */
  healthCheck?: ContainerHealthCheckArgs;
  /**
   * Ports it listens on. The task's containers share one network namespace (awsvpc), so no port may be the app's or
   * another sidecar's. The tasks' security group is unchanged: it admits only a load balancer, to the app.
   * @default - none
   */
  portMappings?: PortMappingArgs[];
  /** CPU units reserved for it, taken from the task's (the app gets the rest). @default 0 */
  cpu?: number;
  /** Memory in MiB, its hard limit and reservation, taken from the task's (the app gets the rest); 6 or more. @default 128 */
  memory?: number;
  /** User (and group) it runs as; not root. @default - the app's `user` */
  user?: string;
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
  /** The image: built from source (`context`) and pushed to the component's ECR repository, or pulled by `name`. */
  image: ImageArgs;
  /**
   * The container's secrets: environment variable name -> where it comes from (`{ value }`, typically
   * `{ value: config.requireSecret("...") }`, stored in Secrets Manager by the component; or an existing Secrets Manager
   * secret, an SSM parameter, or an S3 object). Each reaches the container only when a task starts, never as plaintext
   * in the task definition, pinned to a version: changing a value and running `pulumi up` rolls the service.
   */
  secrets: Record<string, SecretRefArgs>;
  /**
   * How secrets reach the app: as environment variables injected by ECS, or as files written by an init container
   * to a task-scoped volume (`<NAME>_FILE` points at each). S3 objects are always files.
   * @default "environment"
   */
  secretDelivery?: SecretDelivery;
  /**
   * Run a service, or only define the task (and output the `aws ecs run-task` command line); with `schedule`, the task
   * runs on that schedule. @default "service"
   */
  runMode?: RunMode;
  /**
   * With `runMode: "task"`: run the task on a schedule, e.g. `{ expression: "cron(0 3 * * ? *)" }`. EventBridge
   * Scheduler starts it on Fargate in the tasks' network, with a role of its own that may only run this task
   * definition family in this cluster and pass the task's two roles.
   * @default - no schedule
   */
  schedule?: ScheduleArgs;
  /**
   * ECS Exec: let those allowed `ecs:ExecuteCommand` on this cluster's tasks open a shell or run a command in the app
   * container (`aws ecs execute-command`). A security trade-off: a way into running containers and to the secrets in
   * their environment. With it the task role gets the SSM session channel, sessions are encrypted with the component's
   * key and logged to its log group (on a cluster the component creates). Needs `runMode: "service"`.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
   * @default false
   */
  enableExecuteCommand?: boolean;
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
  /**
   * The task's ephemeral storage in GiB, 21 to 200: the disk of the image layers and the task-scoped volumes (`/tmp`,
   * the secrets volume). AWS encrypts it with an AWS-owned key. Storage beyond 20 GiB is billed per GiB-hour.
   * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html
   * @default 20 (Fargate's default: the task definition then names no size)
   */
  ephemeralStorageGiB?: number;
  /**
   * Amazon EFS file systems mounted into the app container, each through an access point, with TLS and as the task
   * role (granted the mount on that file system through that access point only). The file systems are yours.
   * @default - none
   */
  efsVolumes?: EfsVolumeArgs[];
  /**
   * Number of tasks the service keeps running; with `autoScaling`, the count it starts with (within its limits), which
   * scaling then changes.
   * @default 1; with `autoScaling`, its `minCapacity`
   */
  desiredCount?: number;
  /** Where the tasks run. @default - the default VPC's default subnets, with a public IP, as in the AWS blog */
  network?: NetworkArgs;
  /** CloudWatch Logs retention in days (one of the values CloudWatch accepts; 0 = never expire). @default 30 */
  logRetentionInDays?: number;
  /** Rolling deployment limits. @default - minimum 100 %, maximum 200 % */
  deployment?: DeploymentArgs;
  /**
   * A customer-managed KMS key to encrypt the secrets, log group and repository with. Its key policy must let the
   * account's IAM policies use it and let CloudWatch Logs use it for this log group; with `followRotation`, it also
   * encrypts the rotation dead-letter queue, and must let `events.amazonaws.com` `kms:GenerateDataKey` and `kms:Decrypt`
   * for the rotation rule (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html); with `schedule`,
   * it encrypts the schedule's dead-letter queue, which the schedule's role writes to (through the IAM policies the
   * key policy lets the account use).
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
  /**
   * A health check of the app container. A service's task that turns unhealthy is stopped and replaced; during a
   * deployment, tasks of the new revision that keep failing it trip the deployment circuit breaker (always on, with
   * rollback), so the service returns to the last revision that completed.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html
   * @default - none: ECS reports the health status UNKNOWN and judges the task by whether it runs
   */
  healthCheck?: ContainerHealthCheckArgs;
  /**
   * ARNs the component's alarms notify when they fire and when they clear, e.g. an SNS topic's ARN. The component
   * alarms when its rotation dead-letter queue (with `followRotation`) or its schedule's dead-letter queue (with
   * `schedule`) holds a message.
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
   * @default - none: the alarms change state and notify nobody
   */
  alarmActions?: pulumi.Input<pulumi.Input<string>[]>;
  /** Tags for every taggable child. @default - none */
  tags?: Record<string, string>;
  /** Ports the app container listens on, e.g. `[{ containerPort: 8080 }]`. @default - none */
  portMappings?: PortMappingArgs[];
  /**
   * Traffic from a load balancer: an existing target group (ALB or NLB), or an HTTPS Application Load Balancer the
   * component creates. The tasks' security group then admits only the load balancer, on the container port.
   * @default - no load balancer
   */
  loadBalancer?: LoadBalancerArgs;
  /**
   * With `loadBalancer` or `healthCheck`: seconds after a task starts during which ECS ignores failing load balancer
   * and container health checks (0 to 2147483647), so that a slow start is not taken for a failure.
   * @default - 60 with a load balancer
   */
  healthCheckGracePeriodSeconds?: number;
  /**
   * Application Auto Scaling of the task count (`runMode: "service"` only): target tracking on CPU, memory or ALB
   * requests per task, cooldowns, scheduled limits. The service then ignores `desiredCount` drift.
   * @default - no autoscaling: the service keeps `desiredCount` tasks
   */
  autoScaling?: AutoScalingArgs;
  /**
   * Additional containers beside the app (an agent, a proxy), with the app's hardening, their own secrets (granted
   * to the execution role on their exact ARNs), `dependsOn` conditions and a share of the task's CPU and memory. A
   * task definition holds at most 10 containers, the app and the component's own included.
   * @default - none
   */
  sidecars?: SidecarArgs[];
  /**
   * Where the service's tasks run: Fargate and Fargate Spot with a base and weights, e.g.
   * `[{ capacityProvider: "FARGATE", base: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }]`. The service then
   * names the strategy instead of a launch type, and the cluster the component creates gets these providers (an
   * existing `clusterArn` must have them already). Fargate Spot runs x86 only: not with `image.platform: "linux/arm64"`.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
   * @default - launch type FARGATE (on-demand)
   */
  capacityProviderStrategy?: CapacityProviderStrategyItemArgs[];
}
