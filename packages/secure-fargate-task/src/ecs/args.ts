import type * as pulumi from "@pulumi/pulumi";
import type { PortMappingArgs } from "../loadBalancer/args";
import type { SecretRefArgs } from "../secrets/args";

/** A log driver Fargate supports. */
export const LogDriver = { Awslogs: "awslogs", Splunk: "splunk", Awsfirelens: "awsfirelens" } as const;
export type LogDriver = (typeof LogDriver)[keyof typeof LogDriver];

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
