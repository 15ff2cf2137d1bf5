import { secretFilePath, serializeSpec, SPEC_ENV_VAR } from "../../init/src/spec";
import {
  appContainerDefinition,
  awslogs,
  ContainerDefinition,
  FileDelivery,
  INIT_MEMORY,
  initContainerDefinition,
  LogConfiguration,
  MountPoint,
} from "./containerDefinition";
import type { HealthCheck } from "./healthCheck";
import { ecsValueFrom, ResolvedSecret } from "../secrets/sources";
import type { PortMapping } from "../loadBalancer/portMappings";

/** Where file-delivered secrets live in both containers. */
export const SECRETS_FILES: FileDelivery = { volume: "secrets", path: "/run/secrets", initContainer: "secrets-init" };

/** Everything the task's containers are built from, resolved. */
export interface TaskContainersInputs {
  containerName: string;
  user: string;
  cpu: number;
  memory: number;
  stopTimeoutSeconds: number;
  appImage: string;
  /** The secrets init image; required when any secret is delivered as a file. */
  initImage: string | undefined;
  region: string;
  logGroupName: string;
  environment: Record<string, string>;
  /** Secrets ECS injects as environment variables. */
  environmentSecrets: readonly ResolvedSecret[];
  /** Secrets the init container writes to files. */
  fileSecrets: readonly ResolvedSecret[];
  /** Log routing other than the default; its secret options are injected by ECS. */
  logging: { logDriver: string; options: Record<string, string>; secretOptions: readonly ResolvedSecret[] } | undefined;
  /** ARN of the secret holding private registry credentials. */
  repositoryCredentialsArn: string | undefined;
  /** The app container's health check. */
  healthCheck: HealthCheck | undefined;
  /** The app container's ports. @default - none */
  portMappings?: PortMapping[];
  /** The app container's mounts of EFS volumes. @default - none */
  volumeMounts?: MountPoint[];
}

/**
 * The task's container definitions: the app, and with file delivery the secrets init container it waits for. No
 * secret value is an input here: only ARNs, version ids and file paths.
 */
export function taskContainerDefinitions(inputs: TaskContainersInputs): ContainerDefinition[] {
  const files = inputs.fileSecrets.length > 0 ? SECRETS_FILES : undefined;
  if (files && inputs.initImage === undefined) throw new Error("file delivery needs the secrets init image");
  const environment = { ...inputs.environment };
  for (const s of inputs.fileSecrets) environment[`${s.name}_FILE`] = secretFilePath(SECRETS_FILES.path, s.name);

  const app = appContainerDefinition({
    name: inputs.containerName,
    image: inputs.appImage,
    cpu: inputs.cpu,
    memory: files ? inputs.memory - INIT_MEMORY : inputs.memory,
    user: inputs.user,
    environment,
    secrets: inputs.environmentSecrets.map((s) => ({ name: s.name, valueFrom: ecsValueFrom(s) })),
    logConfiguration: appLogConfiguration(inputs),
    stopTimeoutSeconds: inputs.stopTimeoutSeconds,
    ...(files ? { files } : {}),
    ...(inputs.repositoryCredentialsArn ? { repositoryCredentials: inputs.repositoryCredentialsArn } : {}),
    ...(inputs.healthCheck ? { healthCheck: inputs.healthCheck } : {}),
    ...(inputs.portMappings ? { portMappings: inputs.portMappings } : {}),
    ...(inputs.volumeMounts?.length ? { volumeMounts: inputs.volumeMounts } : {}),
  });
  if (!files) return [app];
  const spec = serializeSpec({
    targetDir: files.path,
    files: inputs.fileSecrets.map((s) => ({ name: s.name, source: s.source })),
  });
  return [
    app,
    initContainerDefinition({
      image: inputs.initImage!,
      user: inputs.user,
      region: inputs.region,
      spec: { variable: SPEC_ENV_VAR, value: spec },
      files,
      logConfiguration: awslogs(inputs.logGroupName, inputs.region, files.initContainer),
    }),
  ];
}

function appLogConfiguration(inputs: TaskContainersInputs): LogConfiguration {
  const defaults = awslogs(inputs.logGroupName, inputs.region, inputs.containerName);
  if (!inputs.logging) return defaults;
  const secretOptions = inputs.logging.secretOptions
    .map((s) => ({ name: s.name, valueFrom: ecsValueFrom(s) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    logDriver: inputs.logging.logDriver,
    options: inputs.logging.logDriver === "awslogs" ? { ...defaults.options, ...inputs.logging.options } : inputs.logging.options,
    ...(secretOptions.length > 0 ? { secretOptions } : {}),
  };
}
