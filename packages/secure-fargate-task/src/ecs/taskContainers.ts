import { injectedVariable, secretFilePath, serializeSpec, SPEC_ENV_VAR } from "../../init/src/spec";
import {
  appContainerDefinition,
  awslogs,
  ContainerDefinition,
  FileDelivery,
  INIT_MEMORY,
  initContainerDefinition,
  LogConfiguration,
  MountPoint,
  sidecarContainerDefinition,
  SidecarInputs,
} from "./containerDefinition";
import { logRouterContainerDefinition, type LogRouterInputs } from "./logRouter";
import type { HealthCheck } from "./healthCheck";
import type { ResolvedSecret } from "../secrets/source";
import { ecsValueFrom, injectable } from "../secrets/registry";
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
  /** Log routing other than the default; its secret options are injected by ECS. With `awsfirelens`, the log router. */
  logging:
    | {
        logDriver: string;
        options: Record<string, string>;
        secretOptions: readonly ResolvedSecret[];
        router?: Omit<LogRouterInputs, "logGroupName" | "region">;
      }
    | undefined;
  /** ARN of the secret holding private registry credentials. */
  repositoryCredentialsArn: string | undefined;
  /** The app container's health check. */
  healthCheck: HealthCheck | undefined;
  /** The app container's ports. @default - none */
  portMappings?: PortMapping[];
  /** The app container's mounts of EFS volumes. @default - none */
  volumeMounts?: MountPoint[];
  /** Additional containers, in order; their CPU and memory come out of the task's. @default - none */
  sidecars?: ResolvedSidecar[];
}

/**
 * A sidecar with its image, environment and secrets resolved (secrets by ARN and version only): its definition's
 * inputs before the secrets become `valueFrom`s and the log configuration is added.
 */
export type ResolvedSidecar = Omit<SidecarInputs, "secrets" | "logConfiguration"> & { secrets: readonly ResolvedSecret[] };

/**
 * The task's container definitions: the app, with file delivery the secrets init container it waits for, with
 * `awsfirelens` the log router it waits for, then the sidecars, each logging to the component's log group under its
 * own name. The router's and the sidecars' CPU and memory come out of the task's, the app gets the rest. No secret
 * value is an input here: only ARNs, version ids and file paths.
 */
export function taskContainerDefinitions(inputs: TaskContainersInputs): ContainerDefinition[] {
  const files = inputs.fileSecrets.length > 0 ? SECRETS_FILES : undefined;
  if (files && inputs.initImage === undefined) throw new Error("file delivery needs the secrets init image");
  const environment = { ...inputs.environment };
  for (const s of inputs.fileSecrets) environment[`${s.name}_FILE`] = secretFilePath(SECRETS_FILES.path, s.name);
  const sidecars = (inputs.sidecars ?? []).map((s) =>
    sidecarContainerDefinition({
      ...s,
      secrets: s.secrets.map((secret) => ({ name: secret.name, valueFrom: ecsValueFrom(secret) })),
      logConfiguration: awslogs(inputs.logGroupName, inputs.region, s.name),
    }),
  );
  const routerInputs = inputs.logging?.router;
  const router = routerInputs
    ? logRouterContainerDefinition({ ...routerInputs, logGroupName: inputs.logGroupName, region: inputs.region })
    : undefined;
  const after = router ? [router, ...sidecars] : sidecars;
  const otherCpu = after.reduce((sum, s) => sum + s.cpu, 0);
  const otherMemory = after.reduce((sum, s) => sum + s.memory, 0);

  const app = appContainerDefinition({
    name: inputs.containerName,
    image: inputs.appImage,
    cpu: inputs.cpu - otherCpu,
    memory: inputs.memory - otherMemory - (files ? INIT_MEMORY : 0),
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
    ...(router ? { logRouter: router.name } : {}),
  });
  if (!files) return [app, ...after];
  // What ECS can inject, it injects into the init container (execution role); the init program reads the rest itself.
  const injected = inputs.fileSecrets.filter(injectable);
  const spec = serializeSpec({
    targetDir: files.path,
    files: inputs.fileSecrets.map((s) => ({
      name: s.name,
      source: injectable(s) ? { type: "environment" as const, variable: injectedVariable(s.name) } : s.source,
    })),
  });
  return [
    app,
    initContainerDefinition({
      image: inputs.initImage!,
      user: inputs.user,
      region: inputs.region,
      spec: { variable: SPEC_ENV_VAR, value: spec },
      secrets: injected.map((s) => ({ name: injectedVariable(s.name), valueFrom: ecsValueFrom(s) })),
      files,
      logConfiguration: awslogs(inputs.logGroupName, inputs.region, files.initContainer),
    }),
    ...after,
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
