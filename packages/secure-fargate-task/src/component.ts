import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "./args";
import { appContainerDefinition, TMP_VOLUME } from "./containerDefinition";
import { PLATFORM_ARCHITECTURE } from "./fargate";
import { buildImage } from "./image";
import { deriveNames } from "./names";
import { resolveNetwork } from "./network";
import { policyDocument, Statement } from "./policyDocument";
import { AwsScope, ecsTasksTrustPolicy, executionRolePolicy, keyPolicy } from "./policies";
import { storeSecrets } from "./secrets";
import { InvalidArgumentsError, Settings, validateArgs } from "./validate";

/**
 * A container on AWS Fargate whose secrets live in Secrets Manager under a customer-managed KMS key and reach the
 * container only when a task starts, pinned to a version: change a secret, run `pulumi up`, and the service rolls.
 * Builds the image from source into its own ECR repository; least-privilege roles with exact ARNs; a log group made
 * before the task needs it; a Fargate service with the deployment circuit breaker that fails `pulumi up` on a task
 * that cannot start.
 */
export class SecureFargateTask extends pulumi.ComponentResource {
  /** Name of the ECS cluster the service runs in. */
  readonly clusterName: pulumi.Output<string>;
  /** ARN of the ECS cluster. */
  readonly clusterArn: pulumi.Output<string>;
  /** Name of the ECS service. */
  readonly serviceName: pulumi.Output<string>;
  /** ARN of the task definition revision the service runs. */
  readonly taskDefinitionArn: pulumi.Output<string>;
  /** URL of the ECR repository. */
  readonly repositoryUrl: pulumi.Output<string>;
  /** The image the task runs, by digest. */
  readonly imageRef: pulumi.Output<string>;
  /** ARNs of the Secrets Manager secrets holding the values (not the values). */
  readonly secretArns: pulumi.Output<string[]>;
  /** Name of the CloudWatch log group. */
  readonly logGroupName: pulumi.Output<string>;
  /** ARN of the task execution role (ECS's agent: pull, logs, secrets). */
  readonly executionRoleArn: pulumi.Output<string>;
  /** ARN of the task role (the application's own permissions). */
  readonly taskRoleArn: pulumi.Output<string>;
  /** ARN of the KMS key encrypting the secrets, logs and images. */
  readonly kmsKeyArn: pulumi.Output<string>;
  /** Security groups of the tasks. */
  readonly securityGroupIds: pulumi.Output<string[]>;

  constructor(name: string, args: SecureFargateTaskArgs, opts?: pulumi.ComponentResourceOptions) {
    super("secure-fargate-task:index:SecureFargateTask", name, {}, opts);
    const settings = this.validate(name, args);
    const parent = this;
    const tags = settings.tags;
    const names = deriveNames(pulumi.getProject(), pulumi.getStack(), name);
    const scope: pulumi.Output<AwsScope> = pulumi
      .all([
        aws.getPartitionOutput({}, { parent }).partition,
        aws.getRegionOutput({}, { parent }).region,
        aws.getCallerIdentityOutput({}, { parent }).accountId,
      ])
      .apply(([partition, region, accountId]) => ({ partition, region, accountId }));

    // The key for secrets, logs and images: the caller's, or one with rotation on and a policy scoped to this log group.
    let kmsKeyArn: pulumi.Output<string>;
    if (settings.kmsKeyArn === undefined) {
      const key = new aws.kms.Key(
        `${name}-key`,
        {
          description: `Secrets, logs and images of ${names.family}`,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          policy: scope.apply((s) => JSON.stringify(keyPolicy(s, names.logGroup))),
          tags,
        },
        { parent },
      );
      new aws.kms.Alias(`${name}-key-alias`, { name: names.keyAlias, targetKeyId: key.keyId }, { parent });
      kmsKeyArn = key.arn;
    } else {
      kmsKeyArn = pulumi.output(settings.kmsKeyArn);
    }

    // Created before the task definition refers to it: without it a task fails to start.
    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      { name: names.logGroup, retentionInDays: settings.logRetentionInDays, kmsKeyId: kmsKeyArn, tags },
      { parent },
    );

    const built = buildImage(name, names.repository, settings.image, kmsKeyArn, tags, parent);
    const stored = storeSecrets(name, settings.secrets, settings.secretLayout, names.secretPrefix, kmsKeyArn, tags, parent);

    // The execution role: ECS's agent pulls the image, writes logs and reads the secrets with it, nothing more.
    const trust = scope.apply((s) => JSON.stringify(ecsTasksTrustPolicy(s)));
    const executionRole = new aws.iam.Role(
      `${name}-execution-role`,
      { description: `ECS task execution role of ${names.family}`, assumeRolePolicy: trust, tags },
      { parent },
    );
    const executionPolicy = new aws.iam.RolePolicy(
      `${name}-execution-policy`,
      {
        role: executionRole.id,
        policy: pulumi
          .all([scope, built.repository.arn, logGroup.arn, stored.secretArns, kmsKeyArn])
          .apply(([s, repositoryArn, logArn, secretArns, keyArn]) =>
            JSON.stringify(
              executionRolePolicy({ scope: s, repositoryArn, logGroupArn: logArn, secretArns, kmsKeyArn: keyArn }),
            ),
          ),
      },
      { parent },
    );

    // The task role: the application's own permissions, only those the caller lists.
    const taskRole = new aws.iam.Role(
      `${name}-task-role`,
      { description: `ECS task role of ${names.family}`, assumeRolePolicy: trust, tags },
      { parent },
    );
    const rolePolicies: pulumi.Resource[] = [executionPolicy];
    if (settings.taskRolePolicyStatements.length > 0) {
      rolePolicies.push(
        new aws.iam.RolePolicy(
          `${name}-task-policy`,
          {
            role: taskRole.id,
            policy: pulumi
              .output(settings.taskRolePolicyStatements)
              .apply((statements) => JSON.stringify(policyDocument(statements as Statement[]))),
          },
          { parent },
        ),
      );
    }

    const clusterArn = settings.clusterArn === undefined ? this.createCluster(name, tags).arn : pulumi.output(settings.clusterArn);
    const network = resolveNetwork(name, settings.network, tags, parent);

    const taskDefinition = new aws.ecs.TaskDefinition(
      `${name}-task`,
      {
        family: names.family,
        cpu: String(settings.cpu),
        memory: String(settings.memory),
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        runtimePlatform: {
          operatingSystemFamily: "LINUX",
          cpuArchitecture: PLATFORM_ARCHITECTURE[settings.image.platform],
        },
        executionRoleArn: executionRole.arn,
        taskRoleArn: taskRole.arn,
        volumes: [{ name: TMP_VOLUME }],
        containerDefinitions: this.containerDefinitions(name, settings, built.imageRef, stored.containerSecrets, logGroup, scope),
        tags,
      },
      { parent },
    );

    const service = new aws.ecs.Service(
      `${name}-service`,
      {
        cluster: clusterArn,
        taskDefinition: taskDefinition.arn,
        desiredCount: settings.desiredCount,
        launchType: "FARGATE",
        platformVersion: "LATEST",
        deploymentMinimumHealthyPercent: settings.minimumHealthyPercent,
        deploymentMaximumPercent: settings.maximumPercent,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        waitForSteadyState: true,
        networkConfiguration: {
          subnets: network.subnetIds,
          securityGroups: network.securityGroupIds,
          assignPublicIp: network.assignPublicIp,
        },
        enableEcsManagedTags: true,
        propagateTags: "SERVICE",
        tags,
      },
      // A task must not start before its roles may pull, log and read secrets.
      { parent, dependsOn: rolePolicies },
    );

    this.clusterArn = clusterArn;
    this.clusterName = clusterArn.apply((arn) => arn.split("/").pop()!);
    this.serviceName = service.name;
    this.taskDefinitionArn = taskDefinition.arn;
    this.repositoryUrl = built.repository.repositoryUrl;
    this.imageRef = built.imageRef;
    this.secretArns = stored.secretArns;
    this.logGroupName = logGroup.name;
    this.executionRoleArn = executionRole.arn;
    this.taskRoleArn = taskRole.arn;
    this.kmsKeyArn = kmsKeyArn;
    this.securityGroupIds = network.securityGroupIds;
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

  private createCluster(name: string, tags: Record<string, string>): aws.ecs.Cluster {
    return new aws.ecs.Cluster(
      `${name}-cluster`,
      { settings: [{ name: "containerInsights", value: "enabled" }], tags },
      { parent: this },
    );
  }

  /**
   * The task's container definitions as JSON. Refuses a secret given as plaintext `environment`: it would land in the
   * task definition, readable by anyone who may describe it.
   */
  private containerDefinitions(
    name: string,
    settings: Settings,
    image: pulumi.Output<string>,
    secrets: pulumi.Output<{ name: string; valueFrom: string }[]>,
    logGroup: aws.cloudwatch.LogGroup,
    scope: pulumi.Output<AwsScope>,
  ): pulumi.Output<string> {
    const environmentNames = Object.keys(settings.environment).sort();
    const secretEnvironment = pulumi
      .all(environmentNames.map((k) => pulumi.output(pulumi.isSecret(pulumi.output(settings.environment[k]!)))))
      .apply((flags) => environmentNames.filter((_, i) => flags[i]));
    return pulumi
      .all([secretEnvironment, pulumi.output(settings.environment), image, secrets, logGroup.name, scope])
      .apply(([secretNames, environment, imageRef, containerSecrets, logGroupName, s]) => {
        if (secretNames.length > 0) {
          throw new pulumi.ResourceError(
            `SecureFargateTask "${name}": \`environment.${secretNames[0]}\` is a secret: plaintext environment variables are written into the task definition. Move it to \`secrets\`.`,
            this,
          );
        }
        return JSON.stringify([
          appContainerDefinition({
            name: settings.containerName,
            image: imageRef,
            cpu: settings.cpu,
            memory: settings.memory,
            user: settings.user,
            environment,
            secrets: containerSecrets,
            logGroupName,
            region: s.region,
            stopTimeoutSeconds: settings.stopTimeoutSeconds,
          }),
        ]);
      });
  }
}
