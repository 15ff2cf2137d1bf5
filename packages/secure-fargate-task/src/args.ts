import * as pulumi from "@pulumi/pulumi";
import type { LoadBalancerArgs, PortMappingArgs } from "./loadBalancer/args";
import type { EfsVolumeArgs } from "./storage/args";
import type { AutoScalingArgs } from "./scaling/args";
import type { ScheduleArgs } from "./schedule/args";
import type { CapacityProviderStrategyItemArgs } from "./capacity/args";
import type { ContainerHealthCheckArgs, DeploymentArgs, LoggingArgs, SidecarArgs } from "./ecs/args";
import type { PolicyStatementArgs } from "./iam/args";
import type { ImageArgs } from "./image/args";
import type { NetworkArgs } from "./network/args";
import type { SecretRefArgs } from "./secrets/args";

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
