/**
 * The FireLens log router the component adds when the app logs with `awsfirelens`: ECS refuses a task definition in
 * which a container uses that driver and none has a `firelensConfiguration`.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html
 */
import { awslogs, type ContainerDefinition, LOG_ROUTER, sidecarTmpVolume } from "./containerDefinition";

/**
 * AWS for Fluent Bit, pinned to the version its maintainers designate as stable (their `AWS_FOR_FLUENT_BIT_STABLE_VERSION`):
 * they recommend locking to a version tag, not the mutable `stable` tag or the SSM parameter that follows it, so that
 * a deployment knows what it runs and never mixes two versions. The tag is multi-architecture (amd64 and arm64).
 * https://github.com/aws/aws-for-fluent-bit#guidance-on-consuming-versions
 */
export const DEFAULT_ROUTER_IMAGE = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.34.3.20260623";
/** The router's memory when none is given (MiB): a hard limit with headroom over the 50 MiB FireLens examples reserve. */
export const DEFAULT_ROUTER_MEMORY = 128;
/**
 * FireLens requires the router to run as root: Fluent Bit creates the unix socket the log driver writes to in a
 * root-owned directory of the ECS agent, and RegisterTaskDefinition refuses another UID on the FireLens container
 * ("If 'user' field is specified on firelens container, then 'UID' has to be '0'").
 * https://github.com/aws/aws-for-fluent-bit/blob/mainline/troubleshooting/debugging.md#amazon-ecs-firelens-root-is-required
 */
export const ROUTER_USER = "0";
/** The port Fluent Bit's forward input listens on in the task's network namespace. */
export const FIRELENS_PORT = 24224;

/** What the router's definition is built from, all resolved. */
export interface LogRouterInputs {
  image: string;
  cpu: number;
  memory: number;
  /** `firelensConfiguration.options`; none when empty. */
  firelensOptions: Record<string, string>;
  logGroupName: string;
  region: string;
}

/**
 * The log router: essential (the app's logs go nowhere without it), not privileged, read-only root filesystem with a
 * task-scoped `/tmp` (Fluent Bit's default buffer directory, `/tmp/fluent-bit`, for the S3 output), root as FireLens
 * requires, its own logs to the component's log group under the prefix `log_router`. ECS mounts the generated
 * configuration and the socket directory into it itself.
 */
export function logRouterContainerDefinition(inputs: LogRouterInputs): ContainerDefinition {
  const options = Object.keys(inputs.firelensOptions).sort();
  return {
    name: LOG_ROUTER,
    image: inputs.image,
    essential: true,
    cpu: inputs.cpu,
    memory: inputs.memory,
    user: ROUTER_USER,
    privileged: false,
    readonlyRootFilesystem: true,
    environment: [],
    mountPoints: [{ sourceVolume: sidecarTmpVolume(LOG_ROUTER), containerPath: "/tmp", readOnly: false }],
    logConfiguration: awslogs(inputs.logGroupName, inputs.region, LOG_ROUTER),
    firelensConfiguration: {
      type: "fluentbit",
      ...(options.length > 0 ? { options: Object.fromEntries(options.map((k) => [k, inputs.firelensOptions[k]])) } : {}),
    },
  };
}
