import type { PortMapping } from "../loadBalancer/portMappings";

/**
 * The ECS container definition, built by a pure function from resolved values.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
 */
import type { DependencyCondition } from "./args";
import type { HealthCheck } from "./healthCheck";

/** A reference to one field of a Secrets Manager secret at one version, as ECS reads it. */
export interface SecretReference {
  secretArn: string;
  /** Key inside a JSON secret; none for the whole secret string. */
  jsonKey?: string;
  /** Version to pin (exclusive with `versionStage`). */
  versionId?: string;
  /** Staging label to follow, such as `AWSCURRENT` (exclusive with `versionId`). */
  versionStage?: string;
}

/**
 * ECS `valueFrom` for a Secrets Manager secret: `<arn>:<json-key>:<version-stage>:<version-id>`. The trailing fields are
 * optional but their colons are not.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
 */
export function secretValueFrom(ref: SecretReference): string {
  if (ref.versionId && ref.versionStage) {
    throw new Error(`a secret reference takes a version id or a version stage, not both (${ref.secretArn})`);
  }
  return `${ref.secretArn}:${ref.jsonKey ?? ""}:${ref.versionStage ?? ""}:${ref.versionId ?? ""}`;
}

/** One `name`/`value` or `name`/`valueFrom` pair of a container definition. */
export interface NameValue {
  name: string;
  value: string;
}

/** One entry of a container definition's `secrets`. */
export interface ContainerSecret {
  name: string;
  valueFrom: string;
}

/** A container's log configuration, as ECS takes it. */
export interface LogConfiguration {
  logDriver: string;
  options: Record<string, string>;
  secretOptions?: ContainerSecret[];
}

/** The awslogs driver to a log group, in non-blocking mode: a CloudWatch hiccup must not stall the app. */
export function awslogs(logGroupName: string, region: string, streamPrefix: string): LogConfiguration {
  return {
    logDriver: "awslogs",
    options: {
      "awslogs-group": logGroupName,
      "awslogs-region": region,
      "awslogs-stream-prefix": streamPrefix,
      mode: "non-blocking",
      "max-buffer-size": "25m",
    },
  };
}

/** Secrets delivered as files: the volume, where it is mounted, and the init container that fills it. */
export interface FileDelivery {
  volume: string;
  path: string;
  initContainer: string;
}

/** What the app container's definition is built from, all resolved. */
export interface ContainerInputs {
  name: string;
  image: string;
  cpu: number;
  memory: number;
  user: string;
  environment: Record<string, string>;
  secrets: ContainerSecret[];
  logConfiguration: LogConfiguration;
  stopTimeoutSeconds: number;
  /** Secrets on a volume, filled by an init container the app waits for. @default - none */
  files?: FileDelivery;
  /** ARN of the Secrets Manager secret with private registry credentials. @default - none */
  repositoryCredentials?: string;
  /** The container health check. @default - none */
  healthCheck?: HealthCheck;
  /** The ports the container listens on. @default - none */
  portMappings?: PortMapping[];
  /** Mounts of further volumes (EFS), after `/tmp` and the secrets. @default - none */
  volumeMounts?: MountPoint[];
  /** The FireLens log router the app logs through, which it waits to have started. @default - none */
  logRouter?: string;
}

/** The name of the task-scoped volume mounted at `/tmp`, the only writable path of the container. */
export const TMP_VOLUME = "tmp";
/** The task-scoped `/tmp` volume and where it is mounted. */
export const TMP_MOUNT = { volume: TMP_VOLUME, path: "/tmp" } as const;

/** One mount of a task volume. */
export interface MountPoint {
  sourceVolume: string;
  containerPath: string;
  readOnly: boolean;
}

/** One entry of a container definition's `dependsOn`. */
export interface ContainerDependency {
  containerName: string;
  condition: DependencyCondition;
}

/** A container definition as the ECS API takes it (the fields the component sets). */
export interface ContainerDefinition {
  name: string;
  image: string;
  essential: boolean;
  cpu: number;
  memory: number;
  user: string;
  privileged: boolean;
  readonlyRootFilesystem: boolean;
  linuxParameters?: { initProcessEnabled: boolean };
  command?: string[];
  environment: NameValue[];
  secrets?: ContainerSecret[];
  mountPoints: MountPoint[];
  logConfiguration: LogConfiguration;
  stopTimeout?: number;
  dependsOn?: ContainerDependency[];
  repositoryCredentials?: { credentialsParameter: string };
  healthCheck?: HealthCheck;
  portMappings?: PortMapping[];
  /** Only on the FireLens log router. */
  firelensConfiguration?: { type: "fluentbit"; options?: Record<string, string> };
}

/**
 * The app container: non-root, not privileged, read-only root filesystem with a task-scoped `/tmp`, an init process
 * as PID 1, secrets by reference only. With file delivery it mounts the secrets volume read-only, waits for the init
 * container to exit 0 (`SUCCESS`, never `COMPLETE`: a failed fetch must not start the app) and gets `<NAME>_FILE`.
 * With a FireLens log router it waits for the router to have started (`START`, as in the FireLens examples).
 * Lists are sorted by name so that equal inputs give byte-identical JSON.
 */
export function appContainerDefinition(inputs: ContainerInputs): ContainerDefinition {
  const mountPoints: MountPoint[] = [{ sourceVolume: TMP_MOUNT.volume, containerPath: TMP_MOUNT.path, readOnly: false }];
  if (inputs.files) mountPoints.push({ sourceVolume: inputs.files.volume, containerPath: inputs.files.path, readOnly: true });
  mountPoints.push(...(inputs.volumeMounts ?? []));
  const dependsOn: ContainerDependency[] = [
    ...(inputs.files ? [{ containerName: inputs.files.initContainer, condition: "SUCCESS" as const }] : []),
    ...(inputs.logRouter ? [{ containerName: inputs.logRouter, condition: "START" as const }] : []),
  ].sort((a, b) => a.containerName.localeCompare(b.containerName));
  return {
    name: inputs.name,
    image: inputs.image,
    essential: true,
    cpu: inputs.cpu,
    memory: inputs.memory,
    user: inputs.user,
    privileged: false,
    readonlyRootFilesystem: true,
    linuxParameters: { initProcessEnabled: true },
    environment: nameValues(inputs.environment),
    secrets: [...inputs.secrets].sort((a, b) => a.name.localeCompare(b.name)),
    mountPoints,
    logConfiguration: inputs.logConfiguration,
    stopTimeout: inputs.stopTimeoutSeconds,
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    ...(inputs.repositoryCredentials ? { repositoryCredentials: { credentialsParameter: inputs.repositoryCredentials } } : {}),
    ...(inputs.healthCheck ? { healthCheck: inputs.healthCheck } : {}),
    ...(inputs.portMappings?.length ? { portMappings: inputs.portMappings } : {}),
  };
}

/** Memory (MiB) reserved for the secrets init container; the app gets the rest of the task's. */
export const INIT_MEMORY = 128;

/** What the secrets init container's definition is built from, all resolved. */
export interface InitContainerInputs {
  image: string;
  user: string;
  region: string;
  /** The value of the init program's spec variable (ARNs and version ids only). */
  spec: { variable: string; value: string };
  /**
   * The values ECS injects into the init container (read with the execution role), which it writes to files: ECS's
   * `secrets` are per container, so no other container gets them.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
   */
  secrets: ContainerSecret[];
  files: FileDelivery;
  logConfiguration: LogConfiguration;
}

/**
 * The secrets init container: runs as the app's user (so the files it writes are the app's, mode 0400), read-only
 * root, the secrets volume its only writable path; not essential, it exits when done.
 */
export function initContainerDefinition(inputs: InitContainerInputs): ContainerDefinition {
  return {
    name: inputs.files.initContainer,
    image: inputs.image,
    essential: false,
    cpu: 0,
    memory: INIT_MEMORY,
    user: inputs.user,
    privileged: false,
    readonlyRootFilesystem: true,
    environment: nameValues({ AWS_REGION: inputs.region, [inputs.spec.variable]: inputs.spec.value }),
    ...(inputs.secrets.length > 0 ? { secrets: inputs.secrets } : {}),
    mountPoints: [{ sourceVolume: inputs.files.volume, containerPath: inputs.files.path, readOnly: false }],
    logConfiguration: inputs.logConfiguration,
  };
}

/** The name of the FireLens log router container the component adds with `logging.logDriver: "awsfirelens"`. */
export const LOG_ROUTER = "log_router";

/** What a sidecar's definition is built from, all resolved. */
export interface SidecarInputs {
  name: string;
  image: string;
  command?: string[];
  essential: boolean;
  cpu: number;
  memory: number;
  user: string;
  environment: Record<string, string>;
  secrets: ContainerSecret[];
  dependsOn: ContainerDependency[];
  healthCheck?: HealthCheck;
  portMappings: PortMapping[];
  logConfiguration: LogConfiguration;
}

/** The task-scoped volume a sidecar gets as its `/tmp`: its own, not the app's. */
export function sidecarTmpVolume(name: string): string {
  return `${name}-tmp`;
}

/**
 * A sidecar: the app's hardening (non-root, not privileged, read-only root filesystem, an init process as PID 1),
 * its own task-scoped `/tmp`, secrets by reference only. Lists are sorted by name (dependencies by container name),
 * so that equal inputs give byte-identical JSON.
 */
export function sidecarContainerDefinition(inputs: SidecarInputs): ContainerDefinition {
  return {
    name: inputs.name,
    image: inputs.image,
    essential: inputs.essential,
    cpu: inputs.cpu,
    memory: inputs.memory,
    user: inputs.user,
    privileged: false,
    readonlyRootFilesystem: true,
    linuxParameters: { initProcessEnabled: true },
    ...(inputs.command ? { command: [...inputs.command] } : {}),
    environment: nameValues(inputs.environment),
    ...(inputs.secrets.length > 0 ? { secrets: [...inputs.secrets].sort((a, b) => a.name.localeCompare(b.name)) } : {}),
    mountPoints: [{ sourceVolume: sidecarTmpVolume(inputs.name), containerPath: "/tmp", readOnly: false }],
    logConfiguration: inputs.logConfiguration,
    ...(inputs.dependsOn.length > 0 ? { dependsOn: [...inputs.dependsOn].sort((a, b) => a.containerName.localeCompare(b.containerName)) } : {}),
    ...(inputs.healthCheck ? { healthCheck: inputs.healthCheck } : {}),
    ...(inputs.portMappings.length > 0 ? { portMappings: inputs.portMappings } : {}),
  };
}

function nameValues(values: Record<string, string>): NameValue[] {
  return Object.keys(values)
    .sort()
    .map((name) => ({ name, value: values[name] }));
}
