/**
 * The ECS container definition, built by a pure function from resolved values.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
 */

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

/** What the app container's definition is built from, all resolved. */
export interface ContainerInputs {
  name: string;
  image: string;
  cpu: number;
  memory: number;
  user: string;
  environment: Record<string, string>;
  secrets: ContainerSecret[];
  logGroupName: string;
  region: string;
  stopTimeoutSeconds: number;
}

/** The name of the task-scoped volume mounted at `/tmp`, the only writable path of the container. */
export const TMP_VOLUME = "tmp";

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
  linuxParameters: { initProcessEnabled: boolean };
  environment: NameValue[];
  secrets: ContainerSecret[];
  mountPoints: Array<{ sourceVolume: string; containerPath: string; readOnly: boolean }>;
  logConfiguration: { logDriver: "awslogs"; options: Record<string, string> };
  stopTimeout: number;
}

/**
 * The app container: non-root, not privileged, read-only root filesystem with a task-scoped `/tmp`, an init process
 * as PID 1, secrets by reference only, and the awslogs driver in non-blocking mode (a CloudWatch hiccup must not
 * stall the app). Lists are sorted by name so that equal inputs give byte-identical JSON.
 */
export function appContainerDefinition(inputs: ContainerInputs): ContainerDefinition {
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
    environment: Object.keys(inputs.environment)
      .sort()
      .map((name) => ({ name, value: inputs.environment[name]! })),
    secrets: [...inputs.secrets].sort((a, b) => a.name.localeCompare(b.name)),
    mountPoints: [{ sourceVolume: TMP_VOLUME, containerPath: "/tmp", readOnly: false }],
    logConfiguration: {
      logDriver: "awslogs",
      options: {
        "awslogs-group": inputs.logGroupName,
        "awslogs-region": inputs.region,
        "awslogs-stream-prefix": inputs.name,
        mode: "non-blocking",
        "max-buffer-size": "25m",
      },
    },
    stopTimeout: inputs.stopTimeoutSeconds,
  };
}
