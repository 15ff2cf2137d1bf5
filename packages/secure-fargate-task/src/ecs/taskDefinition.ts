import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import { TMP_VOLUME } from "./containerDefinition";
import { PLATFORM_ARCHITECTURE } from "./fargate";
import type { ResolvedSecret } from "../secrets/sources";
import { SECRETS_FILES, taskContainerDefinitions } from "./taskContainers";
import type { Settings } from "../validate";
import { containerPortMappings } from "../loadBalancer/portMappings";
import { ephemeralStorage } from "../storage/ephemeralStorage";
import { efsMountPoints, efsTaskVolumes, ResolvedEfsVolume } from "../storage/efs";

/** The task definition's inputs that exist only once other children do. */
export interface TaskDefinitionInputs {
  appImage: pulumi.Output<string>;
  initImage: pulumi.Output<string | undefined>;
  environmentSecrets: pulumi.Output<ResolvedSecret[]>;
  fileSecrets: pulumi.Output<ResolvedSecret[]>;
  logSecrets: pulumi.Output<ResolvedSecret[]>;
  registryCredentials: pulumi.Output<ResolvedSecret | undefined>;
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
 * secrets volume with file delivery, the EFS volumes), and the container definitions. Refuses a secret given as plaintext
 * `environment`: it would land in the task definition, readable by anyone who may describe it.
 */
export function createTaskDefinition(ctx: ChildContext, settings: Settings, inputs: TaskDefinitionInputs): aws.ecs.TaskDefinition {
  const environmentNames = Object.keys(settings.environment).sort();
  const secretEnvironment = pulumi
    .all(environmentNames.map((k) => pulumi.output(pulumi.isSecret(pulumi.output(settings.environment[k])))))
    .apply((flags) => environmentNames.filter((_, i) => flags[i]));
  const containerDefinitions = pulumi
    .all([
      secretEnvironment,
      pulumi.output(settings.environment),
      inputs.appImage,
      inputs.initImage,
      pulumi.all([inputs.environmentSecrets, inputs.fileSecrets, inputs.logSecrets, inputs.registryCredentials]),
      inputs.logGroupName,
      ctx.scope,
    ])
    .apply(([secretNames, environment, appImage, initImage, [environmentSecrets, fileSecrets, logOptions, credentials], logGroupName, s]) => {
      if (secretNames.length > 0) {
        throw new pulumi.ResourceError(
          `SecureFargateTask "${ctx.name}": \`environment.${secretNames[0]}\` is a secret: plaintext environment variables are written into the task definition. Move it to \`secrets\`.`,
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
          logging: settings.logging && { ...settings.logging, secretOptions: logOptions },
          repositoryCredentialsArn: credentials?.source.type === "secretsmanager" ? credentials.source.secretId : undefined,
          healthCheck: settings.healthCheck,
          portMappings: containerPortMappings(settings.portMappings),
          volumeMounts: efsMountPoints(settings.efsVolumes),
        }),
      );
    });
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
        ...(inputs.writesFiles ? [{ name: SECRETS_FILES.volume }, { name: TMP_VOLUME }] : [{ name: TMP_VOLUME }]),
        ...efsTaskVolumes(efs),
      ]),
      ephemeralStorage: ephemeralStorage(settings.ephemeralStorageGiB),
      containerDefinitions,
      tags: ctx.tags,
    },
    // Registered (which passes the roles) and started only once IAM has propagated the roles and their policies.
    { parent: ctx.parent, dependsOn: inputs.dependsOn },
  );
}
