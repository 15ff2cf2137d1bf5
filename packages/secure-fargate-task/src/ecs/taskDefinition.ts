import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EXEC_MOUNTS, execMountPoints } from "./exec";
import type { ChildContext } from "../context";
import { LOG_ROUTER, sidecarTmpVolume, TMP_VOLUME } from "./containerDefinition";
import { PLATFORM_ARCHITECTURE } from "./fargate";
import { containerSecrets, type SecretUse } from "../secrets/uses";
import { ResolvedSidecar, SECRETS_FILES, taskContainerDefinitions } from "./taskContainers";
import type { TaskDefinitionSettings } from "./settings";
import { containerPortMappings } from "../loadBalancer/portMappings";
import { ephemeralStorage } from "../storage/ephemeralStorage";
import { efsMountPoints, efsTaskVolumes, ResolvedEfsVolume } from "../storage/efs";

/** The task definition's inputs that exist only once other children do. */
export interface TaskDefinitionInputs {
  appImage: pulumi.Output<string>;
  initImage: pulumi.Output<string | undefined>;
  /** Every secret of the task and where it goes. */
  secretUses: pulumi.Output<SecretUse[]>;
  /** The log group's name, as an output: the task definition then depends on the log group existing. */
  logGroupName: pulumi.Output<string>;
  executionRoleArn: pulumi.Output<string>;
  taskRoleArn: pulumi.Output<string>;
  /** Whether any secret is delivered as a file (then the task has the secrets volume). */
  writesFiles: boolean;
  /** The EFS volumes, their ids resolved. */
  efsVolumes: pulumi.Output<ResolvedEfsVolume[]>;
  /** What a task must not start without: the roles and their policies, propagated by IAM. */
  dependsOn: pulumi.Resource[];
}

/**
 * The Fargate task definition: awsvpc, the build platform's architecture, both roles, a task-scoped `/tmp` (and the
 * secrets volume with file delivery, the EFS volumes, each sidecar's own `/tmp`), and the container definitions. Refuses a secret given as plaintext
 * `environment`: it would land in the task definition, readable by anyone who may describe it.
 */
export function createTaskDefinition(ctx: ChildContext, settings: TaskDefinitionSettings, inputs: TaskDefinitionInputs): aws.ecs.TaskDefinition {
  const plaintext = [
    { at: "environment", secrets: "secrets", environment: settings.environment },
    ...settings.sidecars.map((sc, i) => ({ at: `sidecars[${i}].environment`, secrets: `sidecars[${i}].secrets`, environment: sc.environment })),
  ].flatMap(({ at, secrets, environment }) =>
    Object.keys(environment)
      .sort()
      .map((k) => ({ field: `${at}.${k}`, secrets, value: pulumi.output(environment[k]) })),
  );
  const secretEnvironment = pulumi
    .all(plaintext.map((p) => pulumi.output(pulumi.isSecret(p.value))))
    .apply((flags) => plaintext.filter((_, i) => flags[i]));
  const secrets = inputs.secretUses.apply((uses) => containerSecrets(uses, settings.sidecars.length));
  const sidecars = pulumi
    .all([pulumi.all(settings.sidecars.map((sc) => pulumi.all([pulumi.output(sc.image), pulumi.output(sc.environment)]))), secrets])
    .apply(([resolved, { sidecarSecrets }]) =>
      settings.sidecars.map((sc, i): ResolvedSidecar => ({
        name: sc.name,
        image: resolved[i][0],
        ...(sc.command ? { command: sc.command } : {}),
        essential: sc.essential,
        cpu: sc.cpu,
        memory: sc.memory,
        user: sc.user,
        environment: resolved[i][1],
        secrets: sidecarSecrets[i],
        dependsOn: sc.dependsOn,
        ...(sc.healthCheck ? { healthCheck: sc.healthCheck } : {}),
        portMappings: containerPortMappings(sc.portMappings),
      })),
    );
  const containerDefinitions = pulumi
    .all([
      secretEnvironment,
      pulumi.output(settings.environment),
      inputs.appImage,
      inputs.initImage,
      secrets,
      inputs.logGroupName,
      ctx.scope,
      pulumi.all([sidecars, pulumi.output(settings.logging?.router?.image)]),
    ])
    .apply(
      ([
        secretFields,
        environment,
        appImage,
        initImage,
        { environmentSecrets, fileSecrets, logSecrets, registryCredentials: credentials },
        logGroupName,
        s,
        [resolvedSidecars, routerImage],
      ]) => {
        if (secretFields.length > 0) {
          throw new pulumi.ResourceError(
            `SecureFargateTask "${ctx.name}": \`${secretFields[0].field}\` is a secret: plaintext environment variables are written into the task definition. Move it to \`${secretFields[0].secrets}\`.`,
            ctx.parent,
          );
        }
        return JSON.stringify(
          taskContainerDefinitions({
            containerName: settings.containerName,
            user: settings.user,
            cpu: settings.cpu,
            memory: settings.memory,
            stopTimeoutSeconds: settings.stopTimeoutSeconds,
            appImage,
            initImage,
            region: s.region,
            logGroupName,
            environment,
            environmentSecrets,
            fileSecrets,
            logging: settings.logging && {
              logDriver: settings.logging.logDriver,
              options: settings.logging.options,
              secretOptions: logSecrets,
              ...(settings.logging.router && routerImage !== undefined ? { router: { ...settings.logging.router, image: routerImage } } : {}),
            },
            repositoryCredentialsArn: credentials?.source.type === "secretsmanager" ? credentials.source.secretId : undefined,
            healthCheck: settings.healthCheck,
            portMappings: containerPortMappings(settings.portMappings),
            volumeMounts: [...efsMountPoints(settings.efsVolumes), ...(settings.enableExecuteCommand ? execMountPoints() : [])],
            sidecars: resolvedSidecars,
          }),
        );
      },
    );
  return new aws.ecs.TaskDefinition(
    `${ctx.name}-task`,
    {
      family: ctx.names.family,
      cpu: String(settings.cpu),
      memory: String(settings.memory),
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: PLATFORM_ARCHITECTURE[settings.image.platform] },
      executionRoleArn: inputs.executionRoleArn,
      taskRoleArn: inputs.taskRoleArn,
      volumes: inputs.efsVolumes.apply((efs) => [
        ...(inputs.writesFiles ? [{ name: SECRETS_FILES.volume }] : []),
        { name: TMP_VOLUME },
        ...settings.sidecars.map((sc) => ({ name: sidecarTmpVolume(sc.name) })),
        ...(settings.logging?.router ? [{ name: sidecarTmpVolume(LOG_ROUTER) }] : []),
        ...efsTaskVolumes(efs),
        ...(settings.enableExecuteCommand ? EXEC_MOUNTS.map((m) => ({ name: m.volume })) : []),
      ]),
      ephemeralStorage: ephemeralStorage(settings.ephemeralStorageGiB),
      containerDefinitions,
      tags: ctx.tags,
    },
    // Registered (which passes the roles) and started only once IAM has propagated the roles and their policies.
    { parent: ctx.parent, dependsOn: inputs.dependsOn },
  );
}
