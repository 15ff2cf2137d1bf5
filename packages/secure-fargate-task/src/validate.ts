/**
 * The orchestrator of the argument checks: each concern's check (beside its builder, in its folder) in turn, with what
 * it needs from the others; every problem collected, then thrown at once. The settings it returns are the concerns'
 * slices side by side; each builder takes its own slice.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { RunMode, SecretDelivery, SecretLayout, SecureFargateTaskArgs } from "./args";
import { type NetworkArgs } from "./network/args";
import { type PolicyStatementArgs } from "./iam/args";
import { ArgumentError, InvalidArgumentsError } from "./errors";
import { validateLogRetention } from "./logs/retention";
import { INIT_MEMORY, LOG_ROUTER } from "./ecs/containerDefinition";
import type { ServiceSettings, TaskDefinitionSettings } from "./ecs/settings";
import { SECRETS_FILES } from "./ecs/taskContainers";
import { validateSidecars } from "./ecs/validateSidecars";
import { validateFirelensPort, validateLogRouter } from "./ecs/validateLogRouter";
import { validatePlaintextSecrets } from "./ecs/validatePlaintext";
import { validateEnvironment } from "./ecs/validateContainer";
import { validateService } from "./ecs/validateService";
import { validateTask } from "./ecs/validateTask";
import { validateRunMode } from "./ecs/validateRunMode";
import type { ImageSettings } from "./image/settings";
import { validateImage } from "./image/validateImage";
import { validateStatements } from "./iam/validateStatements";
import { validateNetwork } from "./network/validateNetwork";
import { validateAlarmActions } from "./deadLetter/validateAlarmActions";
import { validateComponentName } from "./names";
import { writesFiles as writesSecretFiles, type SecretSpec } from "./secrets/registry";
import { validateLogging, validateSecrets } from "./secrets/validateSecrets";
import { validateSecretDelivery, validateSecretLayout } from "./secrets/validateChoices";
import { validateFollowRotation, validateSecretFilesUser, validateSecretFileVariables } from "./secrets/validateWithTask";
import type { LoadBalancerSettings } from "./loadBalancer/settings";
import { validateLoadBalancer, validatePortMappings } from "./loadBalancer/validateLoadBalancer";
import { validateEphemeralStorage } from "./storage/ephemeralStorage";
import { reservedMounts, validateEfsVolumes } from "./storage/efs";
import type { AutoScalingSettings } from "./scaling/settings";
import { validateAutoScaling } from "./scaling/validateScaling";
import { validateSchedule, type ScheduleSettings } from "./schedule/validateSchedule";

/**
 * The arguments after validation, with every default filled in: the task definition's and the service's slices
 * (ecs/settings.ts), and the rest.
 */
export interface Settings extends TaskDefinitionSettings, ServiceSettings {
  image: ImageSettings;
  /** The secrets by kind, sorted by variable name; values wrapped with `pulumi.secret`. */
  secrets: SecretSpec[];
  secretLayout: SecretLayout;
  secretDelivery: SecretDelivery;
  runMode: RunMode;
  /** With runMode "task": when EventBridge Scheduler runs it. */
  schedule: ScheduleSettings | undefined;
  taskRolePolicyStatements: PolicyStatementArgs[];
  network: NetworkArgs | undefined;
  logRetentionInDays: number;
  kmsKeyArn: pulumi.Input<string> | undefined;
  /** What the component's alarms notify. */
  alarmActions: pulumi.Input<pulumi.Input<string>[]>;
  clusterArn: pulumi.Input<string> | undefined;
  tags: Record<string, string>;
  loadBalancer: LoadBalancerSettings | undefined;
  /** Application Auto Scaling of the service's task count. */
  autoScaling: AutoScalingSettings | undefined;
}

/**
 * Checks every argument before any child exists and fills in the defaults. Throws {@link InvalidArgumentsError} listing
 * every problem, each naming the field, the value it got and the fix. Values not known until deployment are skipped.
 */
export function validateArgs(name: string, args: SecureFargateTaskArgs): Settings {
  const errors: ArgumentError[] = [];
  const reject = (field: string, problem: string): void => void errors.push(new ArgumentError(field, problem));

  validateComponentName(name, reject);
  const image = validateImage(args.image, reject);
  const secrets = validateSecrets(args.secrets, reject);
  const environment = args.environment ?? {};
  validateEnvironment("environment", environment, { field: "secrets", names: Object.keys(args.secrets ?? {}) }, reject);

  const secretLayout = validateSecretLayout(args.secretLayout, reject);
  const secretDelivery = validateSecretDelivery(args.secretDelivery, reject);
  const runMode = validateRunMode(args.runMode, reject);
  const loggingDriver = args.logging === undefined ? undefined : validateLogging(args.logging, reject);
  const schedule = args.schedule === undefined ? undefined : validateSchedule(args.schedule, runMode, reject);
  validateFollowRotation("secrets", secrets, runMode, reject);
  validateFollowRotation("logging.secretOptions", loggingDriver?.secretOptions ?? [], runMode, reject);

  const task = validateTask(args, reject);
  const ephemeralStorageGiB = validateEphemeralStorage(args.ephemeralStorageGiB, reject);
  const efsVolumes = validateEfsVolumes(
    args.efsVolumes,
    { reserved: reservedMounts(args), componentSecurityGroup: args.network?.securityGroupIds === undefined },
    reject,
  );
  const logRetentionInDays = validateLogRetention(args.logRetentionInDays, reject);

  if (args.network) validateNetwork(args.network, reject);

  const user = task.user;
  const writesFiles = writesSecretFiles(secrets, secretDelivery);
  validateSecretFilesUser(user, writesFiles, reject);
  validateSecretFileVariables(secrets, environment, writesFiles, reject);

  const initMemory = writesFiles ? INIT_MEMORY : 0;
  const router =
    args.logging === undefined
      ? undefined
      : validateLogRouter(args.logging, { cpu: task.cpu, memory: task.memory, reservedMemory: initMemory }, reject);
  const logging = loggingDriver && { ...loggingDriver, router };

  validateStatements(args.taskRolePolicyStatements ?? [], reject);

  const portMappings = validatePortMappings(args.portMappings, reject);
  const loadBalancer =
    args.loadBalancer === undefined ? undefined : validateLoadBalancer(args.loadBalancer, { portMappings, runMode, network: args.network }, reject);
  const service = validateService(
    args,
    { runMode, platform: image.platform, loadBalancer: loadBalancer !== undefined, containerHealthCheck: task.healthCheck !== undefined },
    reject,
  );
  const sidecars = validateSidecars(
    args.sidecars,
    {
      containerName: task.containerName,
      reservedNames: [SECRETS_FILES.initContainer, LOG_ROUTER],
      otherContainers: 1 + (writesFiles ? 1 : 0) + (router ? 1 : 0),
      user,
      cpu: task.cpu,
      memory: task.memory,
      reservedCpu: router?.cpu ?? 0,
      reservedMemory: initMemory + (router?.memory ?? 0),
      appHealthCheck: task.healthCheck !== undefined,
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

  const alarmActions = validateAlarmActions(args.alarmActions, reject);

  if (errors.length > 0) throw new InvalidArgumentsError(errors);
  return {
    ...task,
    ...service,
    image,
    secrets,
    secretLayout,
    secretDelivery,
    runMode,
    schedule,
    logging,
    environment,
    taskRolePolicyStatements: args.taskRolePolicyStatements ?? [],
    ephemeralStorageGiB,
    efsVolumes,
    network: args.network,
    logRetentionInDays,
    kmsKeyArn: args.kmsKeyArn,
    alarmActions,
    clusterArn: args.clusterArn,
    tags: args.tags ?? {},
    portMappings,
    loadBalancer,
    autoScaling,
    sidecars,
  };
}
