import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import {
  Effect,
  RunMode,
  SecretDelivery,
  SecretLayout,
  type ImagePlatform,
  type LoggingArgs,
  type NetworkArgs,
  type PolicyStatementArgs,
  type RegistryCredentialsArgs,
  type SecureFargateTaskArgs,
} from "./args";
import { cpuForMemory, fargateMemoryValues, FARGATE_CPU_VALUES, isFargateSize, LOG_RETENTION_DAYS, PLATFORM_ARCHITECTURE } from "./ecs/fargate";
import { ecrImageLocation } from "./image/ecrImage";
import { validateHealthCheck, type HealthCheck } from "./ecs/healthCheck";
import { INIT_MEMORY, LOG_ROUTER, sidecarTmpVolume, TMP_MOUNT } from "./ecs/containerDefinition";
import { SECRETS_FILES } from "./ecs/taskContainers";
import { validateSidecars, type SidecarSettings } from "./ecs/validateSidecars";
import { validateLogRouter, type LogRouterSettings } from "./ecs/validateLogRouter";
import { validatePlaintextSecrets } from "./ecs/validatePlaintext";
import { FIRELENS_PORT } from "./ecs/logRouter";
import { writesFiles as writesSecretFiles, type SecretSpec } from "./secrets/sources";
import { CONTAINER_NAME, ENV_NAME, Reject, show, USER, validateEnvironment, validateUser } from "./validation";
import { validateLogging, validateSecrets } from "./secrets/validateSecrets";
import type { LoadBalancerSettings, PortMappingSettings } from "./loadBalancer/settings";
import { validateGracePeriod, validateLoadBalancer, validatePortMappings } from "./loadBalancer/validateLoadBalancer";
import { validateEphemeralStorage } from "./storage/ephemeralStorage";
import { validateEfsVolumes, type EfsVolumeSettings } from "./storage/efs";
import type { AutoScalingSettings } from "./scaling/settings";
import { validateAutoScaling } from "./scaling/validateScaling";
import { validateSchedule, type ScheduleSettings } from "./schedule/validateSchedule";
import { validateCapacityProviderStrategy, type CapacityProviderStrategyItem } from "./capacity/validateCapacity";

/** The arguments after validation, with every default filled in. */
export interface Settings {
  image: BuildImageSettings | PrebuiltImageSettings;
  /** The secrets by kind, sorted by variable name; values wrapped with `pulumi.secret`. */
  secrets: SecretSpec[];
  secretLayout: SecretLayout;
  secretDelivery: SecretDelivery;
  runMode: RunMode;
  /** With runMode "task": when EventBridge Scheduler runs it. */
  schedule: ScheduleSettings | undefined;
  /** ECS Exec on the service. */
  enableExecuteCommand: boolean;
  logging:
    | {
        logDriver: LoggingArgs["logDriver"];
        options: Record<string, string>;
        secretOptions: SecretSpec[];
        /** With `awsfirelens`: the log router the component adds. */
        router: LogRouterSettings | undefined;
      }
    | undefined;
  environment: Record<string, pulumi.Input<string>>;
  taskRolePolicyStatements: PolicyStatementArgs[];
  cpu: number;
  memory: number;
  /** The task's ephemeral storage in GiB; 20 is Fargate's default. */
  ephemeralStorageGiB: number;
  /** EFS volumes of the app container. */
  efsVolumes: EfsVolumeSettings[];
  desiredCount: number;
  network: NetworkArgs | undefined;
  logRetentionInDays: number;
  minimumHealthyPercent: number;
  maximumPercent: number;
  kmsKeyArn: pulumi.Input<string> | undefined;
  /** What the component's alarms notify. */
  alarmActions: pulumi.Input<pulumi.Input<string>[]>;
  clusterArn: pulumi.Input<string> | undefined;
  containerName: string;
  user: string;
  stopTimeoutSeconds: number;
  /** The app container's health check, ECS defaults written out. */
  healthCheck: HealthCheck | undefined;
  tags: Record<string, string>;
  /** The app container's ports. */
  portMappings: PortMappingSettings[];
  loadBalancer: LoadBalancerSettings | undefined;
  /** With a load balancer: seconds ECS ignores its health checks of a new task. */
  healthCheckGracePeriodSeconds: number | undefined;
  /** Application Auto Scaling of the service's task count. */
  autoScaling: AutoScalingSettings | undefined;
  /** Additional containers, in the order given. */
  sidecars: SidecarSettings[];
  /** Fargate / Fargate Spot placement; undefined: launch type FARGATE. */
  capacityProviderStrategy: CapacityProviderStrategyItem[] | undefined;
}

/** An image the component builds from source. */
export interface BuildImageSettings {
  kind: "build";
  context: string;
  dockerfile: string;
  platform: ImagePlatform;
  buildArgs: Record<string, pulumi.Input<string>>;
  keepImages: number;
}

/** An image pulled by name. */
export interface PrebuiltImageSettings {
  kind: "prebuilt";
  name: pulumi.Input<string>;
  platform: ImagePlatform;
  repositoryCredentials: RegistryCredentialsArgs | undefined;
  keepImages: number;
}

/** A rejected argument: the field, the value it had, what is wrong and how to fix it. */
export class ArgumentError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`\`${field}\` ${problem}`);
  }
}

/** Thrown with every {@link ArgumentError} found, so that one run reports them all. */
export class InvalidArgumentsError extends Error {
  constructor(readonly errors: ArgumentError[]) {
    super(errors.map((e) => e.message).join("\n"));
  }
}

const COMPONENT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;

/**
 * Checks every argument before any child exists and fills in the defaults. Throws {@link InvalidArgumentsError} listing
 * every problem, each naming the field, the value it got and the fix. Values not known until deployment are skipped.
 */
export function validateArgs(name: string, args: SecureFargateTaskArgs): Settings {
  const errors: ArgumentError[] = [];
  const reject = (field: string, problem: string): void => void errors.push(new ArgumentError(field, problem));

  if (!COMPONENT_NAME.test(name)) {
    reject(
      "name",
      `must be 1 to 32 letters, digits or hyphens, starting with a letter or digit, so that every derived AWS name is valid: got ${show(name)}. Rename the component, e.g. "app".`,
    );
  } else if (/^sg-/i.test(name)) {
    // The security group's generated name starts with the component's, and EC2 refuses group names that start with sg-.
    reject(
      "name",
      `must not start with "sg-": the tasks' security group is named after the component, and EC2 refuses group names that start with "sg-": got ${show(name)}. Rename the component.`,
    );
  }

  const image = validateImage(args.image, reject);
  const secrets = validateSecrets(args.secrets, reject);
  const environment = args.environment ?? {};
  validateEnvironment("environment", environment, { field: "secrets", names: Object.keys(args.secrets ?? {}) }, reject);

  const secretLayout = args.secretLayout ?? "single";
  if (!(Object.values(SecretLayout) as string[]).includes(secretLayout)) {
    reject("secretLayout", `must be "single" or "perVariable": got ${show(secretLayout)}.`);
  }
  const secretDelivery = args.secretDelivery ?? "environment";
  if (!(Object.values(SecretDelivery) as string[]).includes(secretDelivery)) {
    reject("secretDelivery", `must be "environment" or "files": got ${show(secretDelivery)}.`);
  }
  const runMode = args.runMode ?? "service";
  if (!(Object.values(RunMode) as string[]).includes(runMode)) {
    reject("runMode", `must be "service" or "task": got ${show(runMode)}.`);
  }
  const loggingDriver = args.logging === undefined ? undefined : validateLogging(args.logging, reject);
  const schedule = args.schedule === undefined ? undefined : validateSchedule(args.schedule, runMode, reject);
  const enableExecuteCommand = args.enableExecuteCommand ?? false;
  if (enableExecuteCommand && runMode !== "service") {
    reject(
      "enableExecuteCommand",
      `turns on ECS Exec for the service's tasks, but runMode is ${show(runMode)}: there is no service. Remove it, or run a service (runMode "service").`,
    );
  }
  if (runMode === "task") {
    for (const spec of [...secrets, ...(loggingDriver?.secretOptions ?? [])]) {
      if (spec.followRotation) {
        reject(
          `secrets.${spec.name}.followRotation`,
          `rolls a service, but runMode is "task": every run-task reads the current value anyway. Remove followRotation.`,
        );
      }
    }
  }

  const cpu = args.cpu ?? 256;
  const memory = args.memory ?? 512;
  validateSize(cpu, memory, reject);
  const ephemeralStorageGiB = validateEphemeralStorage(args.ephemeralStorageGiB, reject);
  const efsVolumes = validateEfsVolumes(
    args.efsVolumes,
    {
      reserved: {
        // The sidecars' own /tmp volumes too.
        volumeNames: [
          TMP_MOUNT.volume,
          SECRETS_FILES.volume,
          ...(args.sidecars ?? []).map((s) => sidecarTmpVolume(s.name)),
          ...(args.logging?.logDriver === "awsfirelens" ? [sidecarTmpVolume(LOG_ROUTER)] : []),
        ],
        containerPaths: [TMP_MOUNT.path, SECRETS_FILES.path],
      },
      componentSecurityGroup: args.network?.securityGroupIds === undefined,
    },
    reject,
  );

  // With autoScaling the service starts at its minCapacity (a bad one is reported there, not here).
  const scalingMin = args.autoScaling?.minCapacity ?? 1;
  const desiredCount = args.desiredCount ?? (Number.isInteger(scalingMin) && scalingMin >= 0 ? scalingMin : 1);
  if (!Number.isInteger(desiredCount) || desiredCount < 0) {
    reject("desiredCount", `must be a whole number of tasks, 0 or more: got ${show(desiredCount)}. Use 0 to stop the service, 1 for one task.`);
  }

  const logRetentionInDays = args.logRetentionInDays ?? 30;
  if (!LOG_RETENTION_DAYS.includes(logRetentionInDays)) {
    reject(
      "logRetentionInDays",
      `is not a retention CloudWatch Logs accepts: got ${show(logRetentionInDays)}. Use one of ${LOG_RETENTION_DAYS.join(", ")} (0 = never expire).`,
    );
  }

  const minimumHealthyPercent = args.deployment?.minimumHealthyPercent ?? 100;
  const maximumPercent = args.deployment?.maximumPercent ?? 200;
  validateDeployment(minimumHealthyPercent, maximumPercent, desiredCount, reject);

  if (args.network) validateNetwork(args.network, reject);

  const containerName = args.containerName ?? "app";
  if (!CONTAINER_NAME.test(containerName)) {
    reject("containerName", `must be 1 to 255 letters, digits, hyphens or underscores: got ${show(containerName)}.`);
  }

  const user = args.user ?? "1000:1000";
  validateUser("user", user, reject);

  const writesFiles = writesSecretFiles(secrets, secretDelivery);
  if (writesFiles && USER.test(user) && !/^\d+:\d+$/.test(user)) {
    reject(
      "user",
      `must be a numeric "uid:gid" when secrets are delivered as files (the init image makes the secrets volume theirs at build time): got ${show(user)}. Use e.g. "1000:1000".`,
    );
  }
  for (const spec of writesFiles ? secrets : []) {
    if (`${spec.name}_FILE` in environment) {
      reject(
        `environment.${spec.name}_FILE`,
        `is set by the component to the path of the \`${spec.name}\` secret file. Remove it from \`environment\`.`,
      );
    }
  }

  const initMemory = writesFiles ? INIT_MEMORY : 0;
  const router = args.logging === undefined ? undefined : validateLogRouter(args.logging, { cpu, memory, reservedMemory: initMemory }, reject);
  const logging = loggingDriver && { ...loggingDriver, router };

  const stopTimeoutSeconds = args.stopTimeoutSeconds ?? 30;
  if (!Number.isInteger(stopTimeoutSeconds) || stopTimeoutSeconds < 2 || stopTimeoutSeconds > 120) {
    reject("stopTimeoutSeconds", `must be a whole number of seconds from 2 to 120 (the Fargate maximum): got ${show(stopTimeoutSeconds)}.`);
  }

  const healthCheck = args.healthCheck === undefined ? undefined : validateHealthCheck(args.healthCheck, "healthCheck", reject);

  (args.taskRolePolicyStatements ?? []).forEach((s, i) => validateStatement(s, `taskRolePolicyStatements[${i}]`, reject));

  const portMappings = validatePortMappings(args.portMappings, reject);
  const loadBalancer =
    args.loadBalancer === undefined ? undefined : validateLoadBalancer(args.loadBalancer, { portMappings, runMode, network: args.network }, reject);
  const healthCheckGracePeriodSeconds = validateGracePeriod(
    args.healthCheckGracePeriodSeconds,
    { loadBalancer: loadBalancer !== undefined, containerHealthCheck: healthCheck !== undefined },
    reject,
  );
  const sidecars = validateSidecars(
    args.sidecars,
    {
      containerName,
      reservedNames: [SECRETS_FILES.initContainer, LOG_ROUTER],
      otherContainers: 1 + (writesFiles ? 1 : 0) + (router ? 1 : 0),
      user,
      cpu,
      memory,
      reservedCpu: router?.cpu ?? 0,
      reservedMemory: initMemory + (router?.memory ?? 0),
      appHealthCheck: healthCheck !== undefined,
      appPortMappings: portMappings,
      runMode,
    },
    reject,
  );

  if (router) validateFirelensPort(portMappings, sidecars, reject);
  validatePlaintextSecrets(args, reject);

  const autoScaling =
    args.autoScaling === undefined
      ? undefined
      : validateAutoScaling(args.autoScaling, { runMode, desiredCount: args.desiredCount, loadBalancer }, reject);

  const capacityProviderStrategy =
    args.capacityProviderStrategy === undefined
      ? undefined
      : validateCapacityProviderStrategy(args.capacityProviderStrategy, { runMode, platform: image.platform }, reject);

  const alarmActions = args.alarmActions ?? [];
  if (pulumi.Output.isInstance(alarmActions)) {
    // Known at deployment only: AWS checks it then.
  } else if (!Array.isArray(alarmActions)) {
    reject("alarmActions", `must be a list of ARNs: got ${show(alarmActions)}. Write [topicArn].`);
  } else {
    alarmActions.forEach((a: pulumi.Input<string>, i: number) => {
      if (typeof a === "string" && !/^arn:[\w-]+:[a-z0-9-]+:/.test(a)) {
        reject(`alarmActions[${i}]`, `must be an ARN (an SNS topic's, say): got ${show(a)}. Use the topic's \`arn\` output.`);
      }
    });
  }

  if (errors.length > 0) throw new InvalidArgumentsError(errors);
  return {
    image,
    secrets,
    secretLayout,
    secretDelivery,
    runMode,
    schedule,
    enableExecuteCommand,
    logging,
    environment,
    taskRolePolicyStatements: args.taskRolePolicyStatements ?? [],
    cpu,
    memory,
    ephemeralStorageGiB,
    efsVolumes,
    desiredCount,
    network: args.network,
    logRetentionInDays,
    minimumHealthyPercent,
    maximumPercent,
    kmsKeyArn: args.kmsKeyArn,
    alarmActions,
    clusterArn: args.clusterArn,
    containerName,
    user,
    stopTimeoutSeconds,
    healthCheck,
    tags: args.tags ?? {},
    portMappings,
    loadBalancer,
    healthCheckGracePeriodSeconds,
    autoScaling,
    sidecars,
    capacityProviderStrategy,
  };
}

function validateImage(image: SecureFargateTaskArgs["image"] | undefined, reject: Reject): Settings["image"] {
  const platform = image?.platform ?? "linux/amd64";
  if (!(platform in PLATFORM_ARCHITECTURE)) {
    reject(
      "image.platform",
      `is not a platform Fargate runs: got ${show(platform)}. Use ${Object.keys(PLATFORM_ARCHITECTURE).map(show).join(" or ")}.`,
    );
  }
  const hasName = image?.name !== undefined;
  if (hasName && image?.context !== undefined) {
    reject("image", `gives both \`context\` (build here) and \`name\` (pull a built image). Give one.`);
  }
  if (hasName) {
    for (const option of ["dockerfile", "buildArgs", "keepImages"] as const) {
      if (image[option] !== undefined)
        reject(`image.${option}`, `goes only with \`image.context\` (an image the component builds), not with \`image.name\`. Remove it.`);
    }
    if (image.name === "") reject("image.name", `is empty. Give an image reference such as "ghcr.io/org/app@sha256:...".`);
    const credentials = image.repositoryCredentials;
    if (credentials !== undefined) validateCredentials(credentials, image.name!, reject);
    return { kind: "prebuilt", name: image.name!, platform, repositoryCredentials: credentials, keepImages: 10 };
  }
  if (image?.repositoryCredentials !== undefined) {
    reject("image.repositoryCredentials", `goes only with \`image.name\` (an image pulled from a private registry). Remove it.`);
  }
  const context = image?.context ?? "";
  const dockerfile = image?.dockerfile ?? path.join(context, "Dockerfile");
  const keepImages = image?.keepImages ?? 10;
  if (!context) {
    reject("image.context", `is required: the directory to build the image from, e.g. "./service", or give \`image.name\` to pull a built image.`);
  } else if (!isDirectory(context)) {
    reject(
      "image.context",
      `is not a directory: got ${show(context)} (resolved from ${show(process.cwd())}). Give the build context's path relative to the Pulumi program's working directory.`,
    );
  } else if (!isFile(dockerfile)) {
    reject(
      image?.dockerfile === undefined ? "image.context" : "image.dockerfile",
      `has no Dockerfile at ${show(dockerfile)}. Add one, or set \`image.dockerfile\` to its path.`,
    );
  }
  if (!Number.isInteger(keepImages) || keepImages < 1) {
    reject("image.keepImages", `must be a whole number of images, 1 or more: got ${show(keepImages)}.`);
  }
  for (const key of Object.keys(image?.buildArgs ?? {})) {
    if (!ENV_NAME.test(key)) reject(`image.buildArgs.${key}`, `is not a valid build argument name: got ${show(key)}.`);
  }
  return { kind: "build", context, dockerfile, platform, buildArgs: image?.buildArgs ?? {}, keepImages };
}

/** Registry credentials name one source: a username and a password, or an existing secret; never for ECR. */
function validateCredentials(credentials: RegistryCredentialsArgs, name: pulumi.Input<string>, reject: Reject): void {
  const field = "image.repositoryCredentials";
  if (typeof name === "string" && ecrImageLocation(name) !== undefined) {
    reject(
      field,
      `do not apply to an ECR image (${show(name)}): ECS pulls from ECR with the execution role, which the component grants on that repository. Remove \`repositoryCredentials\`.`,
    );
  }
  const pair = credentials.username !== undefined || credentials.password !== undefined;
  if (pair && credentials.secretsManager !== undefined) {
    reject(field, `gives both \`username\`/\`password\` and \`secretsManager\`. Give one.`);
  } else if (!pair && credentials.secretsManager === undefined) {
    reject(field, `names no credentials. Give \`username\` and \`password\`, or \`secretsManager\` (a secret holding {"username","password"}).`);
  } else if (pair && (!credentials.username || !credentials.password)) {
    reject(field, `needs a username and a password, or { secretsManager: <secret ARN> }.`);
  }
  if (pair && credentials.kmsKeyArn !== undefined) {
    reject(`${field}.kmsKeyArn`, `goes only with \`secretsManager\`: credentials the component stores use its own key. Remove it.`);
  }
}

/**
 * FireLens listens on port 24224 in the task's network namespace, which the app and the sidecars share (awsvpc): none
 * of them may listen on it. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html
 */
function validateFirelensPort(app: readonly PortMappingSettings[], sidecars: readonly SidecarSettings[], reject: Reject): void {
  const taken = (m: PortMappingSettings) => m.containerPort === FIRELENS_PORT && m.protocol === "tcp";
  const clash = (field: string) =>
    reject(field, `is ${FIRELENS_PORT}/tcp, where the FireLens log router listens in the task's shared network namespace. Use another port.`);
  app.forEach((m, i) => taken(m) && clash(`portMappings[${i}].containerPort`));
  sidecars.forEach((s, i) => s.portMappings.forEach((m, j) => taken(m) && clash(`sidecars[${i}].portMappings[${j}].containerPort`)));
}

function validateSize(cpu: number, memory: number, reject: Reject): void {
  if (!FARGATE_CPU_VALUES.includes(cpu)) {
    reject("cpu", `is not a Fargate CPU value: got ${show(cpu)}. Use one of ${FARGATE_CPU_VALUES.join(", ")} (1024 = 1 vCPU).`);
  } else if (!isFargateSize(cpu, memory)) {
    const other = cpuForMemory(memory);
    const alternative = other === undefined ? "" : `, or cpu ${other} for memory ${memory}`;
    reject(
      "memory",
      `${show(memory)} MiB is not offered by Fargate with cpu ${cpu}. Use ${describeValues(fargateMemoryValues(cpu))} with cpu ${cpu}${alternative}.`,
    );
  }
}

function validateDeployment(min: number, max: number, desiredCount: number, reject: Reject): void {
  if (!Number.isInteger(min) || min < 0 || min > 100) {
    reject("deployment.minimumHealthyPercent", `must be a whole percentage from 0 to 100: got ${show(min)}.`);
  }
  if (!Number.isInteger(max) || max < 100) {
    reject("deployment.maximumPercent", `must be a whole percentage of 100 or more: got ${show(max)}.`);
  }
  if (min === 100 && max === 100 && desiredCount > 0) {
    reject(
      "deployment",
      `allows no deployment to make progress: with minimumHealthyPercent 100 and maximumPercent 100, ECS can neither stop an old task nor start a new one. Lower minimumHealthyPercent (0 stops before it starts) or raise maximumPercent.`,
    );
  }
}

function validateNetwork(network: NetworkArgs, reject: Reject): void {
  if (Array.isArray(network.subnetIds) && network.subnetIds.length === 0) {
    reject("network.subnetIds", `is empty. Give at least one subnet id, or leave \`network\` out to use the default VPC.`);
  }
  if (Array.isArray(network.securityGroupIds) && network.securityGroupIds.length === 0) {
    reject("network.securityGroupIds", `is empty. Give at least one security group id, or leave it out for one the component creates.`);
  }
}

function validateStatement(s: PolicyStatementArgs, field: string, reject: Reject): void {
  if (!(Object.values(Effect) as string[]).includes(s.Effect)) {
    reject(`${field}.Effect`, `must be "Allow" or "Deny": got ${show(s.Effect)}.`);
  }
  if (!Array.isArray(s.Action)) {
    reject(`${field}.Action`, `must be a list of actions: got ${show(s.Action)}. Write ["${String(s.Action)}"].`);
    return;
  }
  const actions = s.Action;
  if (actions.length === 0) reject(`${field}.Action`, `is empty. Name the actions the application calls.`);
  for (const action of actions) {
    if (action === "*" || action === "*:*") {
      reject(
        `${field}.Action`,
        `grants every action: got ${show(action)}. Name the actions the application calls, e.g. "dynamodb:BatchWriteItem".`,
      );
    }
  }
  if (!Array.isArray(s.Resource)) {
    reject(
      `${field}.Resource`,
      `must be a list of ARNs: got ${pulumi.Output.isInstance(s.Resource) ? "an Output" : show(s.Resource)}. Write [arn].`,
    );
  } else if (s.Resource.length === 0) {
    reject(`${field}.Resource`, `is empty. Name the ARNs the actions apply to.`);
  }
}

function describeValues(values: readonly number[]): string {
  return values.length <= 3 ? values.join(", ") : `${values[0]} to ${values[values.length - 1]} in steps of ${values[1] - values[0]}`;
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}
