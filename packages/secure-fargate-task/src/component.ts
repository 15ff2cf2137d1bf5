import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "./args";
import type { ChildContext } from "./context";
import { buildAndPush, type BuiltImage, createRegistry, Registry, TAG_PREFIXES } from "./image/image";
import { createLifecyclePolicy } from "./image/lifecycle";
import { pullRepositoryArns } from "./image/pullRepositories";
import type { InitImageSettings } from "./image/settings";
import { deriveNames } from "./names";
import { packageRoot, SHIPPED } from "./packageRoot";
import { locateNetwork, resolveNetwork } from "./network/network";
import { connectLoadBalancer, LoadBalancing, loadBalancerFront } from "./loadBalancer/loadBalancer";
import { createRoles } from "./iam/roles";
import { AwsScope, keyPolicy } from "./iam/policies";
import { resolveSecretUses, secretArns } from "./secrets/uses";
import { runtimeReadWarnings } from "./secrets/runtimeReads";
import { initReadsAtRunTime, writesFiles } from "./secrets/registry";
import { followRotation } from "./secrets/rotation";
import { runTaskCommand } from "./ecs/runTask";
import { createService } from "./ecs/service";
import { createAutoScaling } from "./scaling/scaling";
import { associateProviders } from "./capacity/capacity";
import { createTaskDefinition } from "./ecs/taskDefinition";
import { createSchedule } from "./schedule/schedule";
import { execClusterConfiguration } from "./ecs/exec";
import { createLogGroup, logGroupNames } from "./logs/logGroups";
import { InvalidArgumentsError } from "./errors";
import { Settings, validateArgs } from "./validate";
import { mountTargetSecurityGroups, resolveEfsVolumes } from "./storage/efs";

/** The build context of the secrets init image, shipped with this package. */
const INIT_CONTEXT = path.join(packageRoot(), SHIPPED.initContext);

/**
 * A container on AWS Fargate whose secrets live in Secrets Manager (or Parameter Store, or S3) under a
 * customer-managed KMS key and reach the container only when a task starts, pinned to a version: change a secret, run
 * `pulumi up`, and the service rolls. Builds the image from source into its own ECR repository; least-privilege roles
 * with exact ARNs; a log group made before the task needs it; a Fargate service with the deployment circuit breaker,
 * so a task that cannot start fails `pulumi up`.
 */
export class SecureFargateTask extends pulumi.ComponentResource {
  /** Name of the ECS cluster the task runs in. */
  readonly clusterName: pulumi.Output<string>;
  /** ARN of the ECS cluster. */
  readonly clusterArn: pulumi.Output<string>;
  /** Name of the ECS service; undefined with `runMode: "task"`. */
  readonly serviceName: pulumi.Output<string | undefined>;
  /** ARN of the task definition revision. */
  readonly taskDefinitionArn: pulumi.Output<string>;
  /** URL of the component's ECR repository; undefined when it needs none (a prebuilt image, no file delivery). */
  readonly repositoryUrl: pulumi.Output<string | undefined>;
  /** The image the app container runs, by digest when the component built it. */
  readonly imageRef: pulumi.Output<string>;
  /** ARNs of the Secrets Manager secrets the task reads (not the values). */
  readonly secretArns: pulumi.Output<string[]>;
  /** Name of the CloudWatch log group. */
  readonly logGroupName: pulumi.Output<string>;
  /** ARN of the task execution role (ECS's agent: pull, logs, injected secrets, the init container's too). */
  readonly executionRoleArn: pulumi.Output<string>;
  /** ARN of the task role (the application's own permissions, and the init container's pinned reads of S3 objects). */
  readonly taskRoleArn: pulumi.Output<string>;
  /** ARN of the KMS key encrypting the secrets, logs and images. */
  readonly kmsKeyArn: pulumi.Output<string>;
  /** Security groups of the tasks. */
  readonly securityGroupIds: pulumi.Output<string[]>;
  /** The exact `aws ecs run-task` command line for a one-off run of this task definition revision. */
  readonly runTaskCommand: pulumi.Output<string>;
  /** ARN of the Application Load Balancer the component created; none without one. */
  readonly loadBalancerArn: pulumi.Output<string | undefined>;
  /** DNS name of the ALB the component created (point a CNAME or alias record at it); none without one. */
  readonly loadBalancerDnsName: pulumi.Output<string | undefined>;
  /** ARN of the target group the service registers its tasks in: the component's, or the one given; none without a load balancer. */
  readonly targetGroupArn: pulumi.Output<string | undefined>;
  /** ARN of the EventBridge Scheduler schedule that runs the task; none without `schedule`. */
  readonly scheduleArn: pulumi.Output<string | undefined>;

  constructor(name: string, args: SecureFargateTaskArgs, opts?: pulumi.ComponentResourceOptions) {
    super("secure-fargate-task:index:SecureFargateTask", name, {}, opts);
    const settings = this.validate(name, args);
    const others = { sidecars: settings.sidecars.map((s) => s.name), logRouter: settings.logging?.router !== undefined };
    for (const warning of runtimeReadWarnings(settings.secrets, others)) void pulumi.log.warn(warning, this);
    const names = deriveNames(pulumi.getProject(), pulumi.getStack(), name);
    const scope: pulumi.Output<AwsScope> = pulumi
      .all([
        aws.getPartitionOutput({}, { parent: this }).partition,
        aws.getRegionOutput({}, { parent: this }).region,
        aws.getCallerIdentityOutput({}, { parent: this }).accountId,
      ])
      .apply(([partition, region, accountId]) => ({ partition, region, accountId }));
    const ctx: ChildContext = { name, parent: this, tags: settings.tags, scope, names };

    const allSpecs = [...settings.secrets, ...(settings.logging?.secretOptions ?? []), ...settings.sidecars.flatMap((s) => s.secrets)];
    const followsRotation = settings.runMode === "service" && allSpecs.some((s) => s.followRotation);
    const kmsKeyArn =
      settings.kmsKeyArn === undefined
        ? this.createKey(ctx, logGroupNames(names, followsRotation), followsRotation ? [names.rotationRule] : [])
        : pulumi.output(settings.kmsKeyArn);

    // Created before the task definition refers to it: without it a task fails to start.
    const logGroup = createLogGroup(ctx, "app", { logRetentionInDays: settings.logRetentionInDays, kmsKeyArn });

    const needsInit = writesFiles(settings.secrets, settings.secretDelivery);
    const image = settings.image;
    const registry = image.kind === "build" || needsInit ? createRegistry(ctx, kmsKeyArn) : undefined;
    const builtApp = image.kind === "build" ? buildAndPush(ctx, `${name}-image`, registry!, image, TAG_PREFIXES.app) : undefined;
    const builtInit = needsInit ? this.buildInitImage(ctx, registry!, settings) : undefined;
    const appImage = image.kind === "build" ? builtApp!.reference : pulumi.output(image.name);
    const initImage = builtInit ? builtInit.reference : pulumi.output(undefined);

    // Every secret resolved once: the same records grant the roles and build the task definition.
    const secretUses = resolveSecretUses(
      ctx,
      {
        secrets: settings.secrets,
        secretLayout: settings.secretLayout,
        secretDelivery: settings.secretDelivery,
        logOptions: settings.logging?.secretOptions ?? [],
        sidecars: settings.sidecars,
        repositoryCredentials: image.kind === "prebuilt" ? image.repositoryCredentials : undefined,
      },
      kmsKeyArn,
    );

    const efsVolumes = resolveEfsVolumes(settings.efsVolumes);
    const roles = createRoles(ctx, {
      repositoryArns: pullRepositoryArns(registry, settings, ctx.scope),
      logGroupArn: logGroup.arn,
      secretUses,
      statements: settings.taskRolePolicyStatements,
      initReads: initReadsAtRunTime(settings.secrets),
      efsVolumes,
      mountsEfs: settings.efsVolumes.length > 0,
      ...(settings.enableExecuteCommand ? { exec: { kmsKeyArn } } : {}),
    });
    const cluster =
      settings.clusterArn === undefined
        ? this.createCluster(ctx, settings.enableExecuteCommand ? { logGroupName: logGroup.name, kmsKeyArn } : undefined)
        : undefined;
    const clusterArn = cluster ? cluster.arn : pulumi.output(settings.clusterArn!);
    // The providers a strategy names must be associated with the cluster before a service uses them.
    const clusterProviders =
      cluster && settings.capacityProviderStrategy ? [associateProviders(ctx, cluster, settings.capacityProviderStrategy)] : [];
    const location = locateNetwork(name, settings.network, this);
    // The load balancer's group first: the tasks' group admits it, and the ALB's egress then targets the tasks' group.
    const front = settings.loadBalancer ? loadBalancerFront(ctx, settings.loadBalancer, location.vpcId) : undefined;
    const network = resolveNetwork(
      name,
      settings.network,
      location,
      settings.tags,
      this,
      front?.ingress,
      mountTargetSecurityGroups(settings.efsVolumes),
    );
    const loadBalancing: LoadBalancing | undefined =
      settings.loadBalancer && front
        ? connectLoadBalancer(ctx, settings.loadBalancer, front, location, network, settings.network?.securityGroupIds)
        : undefined;
    const taskDefinition = createTaskDefinition(ctx, settings, {
      appImage,
      initImage,
      secretUses,
      logGroupName: logGroup.name,
      executionRoleArn: roles.executionRole.arn,
      taskRoleArn: roles.taskRole.arn,
      writesFiles: needsInit,
      efsVolumes,
      dependsOn: [roles.ready],
    });

    const clusterName = clusterArn.apply((arn) => arn.split("/").pop()!);
    let service: aws.ecs.Service | undefined;
    if (settings.runMode === "service") {
      service = createService(ctx, settings, clusterArn, taskDefinition, network, [roles.ready, ...clusterProviders], loadBalancing);
      if (settings.autoScaling) createAutoScaling(ctx, settings.autoScaling, { clusterName, serviceName: service.name, loadBalancing });
      if (followsRotation) {
        const followed = secretUses.apply((uses) => secretArns(uses, true));
        followRotation(ctx, followed, clusterArn, service, {
          logRetentionInDays: settings.logRetentionInDays,
          kmsKeyArn,
          alarmActions: settings.alarmActions,
        });
      }
    }
    const schedule = settings.schedule
      ? createSchedule(
          ctx,
          settings.schedule,
          {
            clusterArn,
            taskDefinition,
            network,
            executionRoleArn: roles.executionRole.arn,
            taskRoleArn: roles.taskRole.arn,
            dependsOn: [roles.ready],
          },
          { kmsKeyArn, alarmActions: settings.alarmActions },
        )
      : undefined;

    if (registry) {
      const running = [builtApp, builtInit].flatMap((built) => (built ? [built.tag] : []));
      createLifecyclePolicy(ctx, registry.repository, image.keepImages, Object.values(TAG_PREFIXES), running, [
        service ?? taskDefinition,
        ...(schedule ? [schedule] : []),
      ]);
    }

    this.clusterArn = clusterArn;
    this.clusterName = clusterName;
    this.serviceName = service ? service.name : pulumi.output(undefined);
    this.taskDefinitionArn = taskDefinition.arn;
    this.repositoryUrl = registry ? registry.repository.repositoryUrl : pulumi.output(undefined);
    this.imageRef = appImage;
    this.secretArns = secretUses.apply((uses) => secretArns(uses));
    this.logGroupName = logGroup.name;
    this.executionRoleArn = roles.executionRole.arn;
    this.taskRoleArn = roles.taskRole.arn;
    this.kmsKeyArn = kmsKeyArn;
    this.securityGroupIds = network.securityGroupIds;
    this.runTaskCommand = pulumi
      .all([clusterArn, taskDefinition.arn, network.subnetIds, network.securityGroupIds])
      .apply(([cluster, taskDefinitionArn, subnetIds, securityGroupIds]) =>
        runTaskCommand({ clusterArn: cluster, taskDefinitionArn, subnetIds, securityGroupIds, assignPublicIp: network.assignPublicIp }),
      );
    this.loadBalancerArn = loadBalancing ? loadBalancing.loadBalancerArn : pulumi.output(undefined);
    this.loadBalancerDnsName = loadBalancing ? loadBalancing.loadBalancerDnsName : pulumi.output(undefined);
    this.targetGroupArn = loadBalancing ? pulumi.output(loadBalancing.targetGroupArn) : pulumi.output(undefined);
    this.scheduleArn = schedule ? schedule.arn : pulumi.output(undefined);
    this.registerOutputs({
      clusterName: this.clusterName,
      clusterArn: this.clusterArn,
      serviceName: this.serviceName,
      taskDefinitionArn: this.taskDefinitionArn,
      repositoryUrl: this.repositoryUrl,
      imageRef: this.imageRef,
      secretArns: this.secretArns,
      logGroupName: this.logGroupName,
      executionRoleArn: this.executionRoleArn,
      taskRoleArn: this.taskRoleArn,
      kmsKeyArn: this.kmsKeyArn,
      securityGroupIds: this.securityGroupIds,
      runTaskCommand: this.runTaskCommand,
      loadBalancerArn: this.loadBalancerArn,
      loadBalancerDnsName: this.loadBalancerDnsName,
      targetGroupArn: this.targetGroupArn,
      scheduleArn: this.scheduleArn,
    });
  }

  /** Checks the arguments before any child exists; a problem becomes a `ResourceError` naming field, value and fix. */
  private validate(name: string, args: SecureFargateTaskArgs): Settings {
    try {
      return validateArgs(name, args);
    } catch (e) {
      if (e instanceof InvalidArgumentsError) throw new pulumi.ResourceError(`SecureFargateTask "${name}": ${e.message}`, this);
      throw e;
    }
  }

  /**
   * The key for secrets, logs, images and the rotation dead-letter queue: rotation on, a policy that lets CloudWatch
   * Logs use it for these log groups only and EventBridge for these rules' dead letters only.
   */
  private createKey(ctx: ChildContext, logGroups: readonly string[], deadLetterRuleNames: readonly string[]): pulumi.Output<string> {
    const key = new aws.kms.Key(
      `${ctx.name}-key`,
      {
        description: `Secrets, logs and images of ${ctx.names.label}`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: ctx.scope.apply((s) => JSON.stringify(keyPolicy(s, logGroups, deadLetterRuleNames))),
        tags: ctx.tags,
      },
      { parent: this },
    );
    new aws.kms.Alias(`${ctx.name}-key-alias`, { name: ctx.names.keyAlias, targetKeyId: key.keyId }, { parent: this });
    return key.arn;
  }

  /** The cluster, with Container Insights; with ECS Exec, its sessions encrypted with the key and logged to the log group. */
  private createCluster(
    ctx: ChildContext,
    exec: { logGroupName: pulumi.Output<string>; kmsKeyArn: pulumi.Output<string> } | undefined,
  ): aws.ecs.Cluster {
    return new aws.ecs.Cluster(
      `${ctx.name}-cluster`,
      {
        settings: [{ name: "containerInsights", value: "enabled" }],
        ...(exec
          ? {
              configuration: {
                executeCommandConfiguration: pulumi.all([exec.logGroupName, exec.kmsKeyArn]).apply(([g, k]) => execClusterConfiguration(g, k)),
              },
            }
          : {}),
        tags: ctx.tags,
      },
      { parent: this },
    );
  }

  /** The secrets init image, built from this package's `init/` for the app's platform. */
  private buildInitImage(ctx: ChildContext, registry: Registry, settings: InitImageSettings): BuiltImage {
    const context = path.relative(process.cwd(), INIT_CONTEXT) || ".";
    // The image makes the secrets volume's mount point the task user's (validation made it numeric uid:gid).
    const [uid, gid] = settings.user.split(":");
    return buildAndPush(
      ctx,
      `${ctx.name}-init-image`,
      registry,
      {
        context,
        dockerfile: path.join(context, "Dockerfile"),
        platform: settings.image.platform,
        buildArgs: { SECRETS_UID: uid, SECRETS_GID: gid },
      },
      TAG_PREFIXES.init,
    );
  }
}
