/** AWS's input rules for ECS, each with its source (../README.md says how to add one). */
import {
  ARN,
  ARN_SOURCE,
  arnCheck,
  Check,
  DOC,
  DOCKER_REFERENCE,
  DOCKER_SOURCE,
  ECS_NAME,
  formatCheck,
  len,
  LOG_GROUP_NAME,
  LOG_GROUP_SOURCE,
  MODEL,
  PORT,
  ResourceRules,
  Rule,
  Source,
  SOURCES,
  tagRules,
  TF,
} from "../rules";

const CONTAINER_SOURCE: Source = {
  tf: TF("ecs/task_definition.go", "container_definitions ValidTaskDefinitionContainerDefinitions (parses the JSON, no field rules)"),
  doc: DOC("AmazonECS/latest/APIReference/API_ContainerDefinition.html") + " (name: up to 255 letters, numbers, underscores, hyphens)",
  model: MODEL("ecs/2014-11-13", "ContainerDefinition.name", "{} (the rule is in its documentation text only)"),
};

const ENV_NAME_SOURCE: Source = {
  ...CONTAINER_SOURCE,
  model: MODEL(
    "ecs/2014-11-13",
    "KeyValuePair.name / Secret.name",
    '{} (no length or pattern, documentation: "the name of the environment variable")',
  ),
  unverified: "ECS documents no rule for the name; the check is POSIX's (non-empty, no `=` or NUL)",
};

const SECRET_SOURCE: Source = { doc: DOC("AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html") };

/** An environment variable name in a container: non-empty, no `=` and no NUL (POSIX `environ` entries are `name=value`). */
const ENV_NAME: Check = {
  kind: "custom",
  what: "environment variable name",
  test: (v) => (typeof v !== "string" || v === "" ? "must be a non-empty string" : /[=\0]/.test(v) ? "must not contain `=` or NUL" : undefined),
};

const VALUE_FROM: Check = {
  kind: "custom",
  what: "Secrets Manager reference or SSM parameter ARN",
  test: (v) =>
    typeof v === "string" && (ARN.secretsManagerValueFrom.test(v) || ARN.ssmParameter.test(v))
      ? undefined
      : `not arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 chars>[:<json-key>:<version-stage>:<version-id>] nor arn:aws:ssm:<region>:<account>:parameter/<name>`,
};

/** `awslogs-stream-prefix`: streams are named `<prefix>/<container>/<task id>`, a log stream name has no `:` or `*`, ≤512. */
const STREAM_PREFIX: Check = {
  kind: "custom",
  what: "awslogs stream prefix",
  test: (v) => {
    if (typeof v !== "string" || v === "") return "must be a non-empty string";
    if (/[:*]/.test(v)) return "log stream names cannot contain `:` or `*`";
    // <prefix>/<container name ≤255>/<32-char task id> must fit in a 512-character stream name.
    if (v.length + 1 + 255 + 1 + 32 > 512) return `too long: with a container name of up to 255 and a task id the stream name would exceed 512`;
    return undefined;
  },
};

/**
 * A container image reference's length: API_ContainerDefinition `image` allows up to 255 characters for
 * `repository-url/image:tag`; for `repository-url/image@digest` the 255 applies to the part before `@`, and the digest
 * must be `sha256:` followed by exactly 64 hex characters.
 */
const IMAGE_LENGTH: Check = {
  kind: "custom",
  what: "image reference length",
  test: (v) => {
    if (typeof v !== "string" || v === "") return "must be a non-empty string";
    const at = v.indexOf("@");
    const name = at < 0 ? v : v.slice(0, at);
    if (name.length > 255) return `${name.length} characters before any @digest, at most 255 allowed`;
    if (at >= 0 && !/^sha256:[A-Fa-f0-9]{64}$/.test(v.slice(at + 1))) return "the digest must be sha256: followed by exactly 64 hex characters";
    return undefined;
  },
};

/** A container health check's integer field and its range (API_HealthCheck: "You may specify between ... "). */
function healthCheckRange(field: string, min: number, max: number): Rule[] {
  const doc = DOC("AmazonECS/latest/APIReference/API_HealthCheck.html") + ` (${field}: ${min} to ${max})`;
  return [{ path: `containerDefinitions@json[].healthCheck.${field}`, checks: [{ kind: "intRange", min, max }], source: { doc } }];
}

/**
 * The task's container definitions together: at most 10 (ECS quota "Containers per task definition", not adjustable),
 * names unique, every `dependsOn` names another container of the same task, and a container that logs with
 * `awsfirelens` has a log router (a container with `firelensConfiguration`) in its task.
 */
const CONTAINER_SET: Check = {
  kind: "custom",
  what: "container definitions of one task",
  test: (v) => {
    if (!Array.isArray(v)) return "must be a list";
    const defs = v as Array<{
      name?: unknown;
      dependsOn?: Array<{ containerName?: unknown }>;
      logConfiguration?: { logDriver?: unknown };
      firelensConfiguration?: unknown;
    }>;
    if (defs.length > 10) return `${defs.length} containers, a task definition holds at most 10`;
    const routed = defs.find((d) => d.logConfiguration?.logDriver === "awsfirelens");
    if (routed !== undefined && !defs.some((d) => d.firelensConfiguration !== undefined))
      return `${JSON.stringify(routed.name)} logs with awsfirelens, and no container of the task has a firelensConfiguration`;
    const names = defs.map((d) => d.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined) return `two containers are named ${JSON.stringify(twice)}`;
    for (const d of defs) {
      for (const dep of d.dependsOn ?? []) {
        if (dep.containerName === d.name) return `${JSON.stringify(d.name)} depends on itself`;
        if (!names.includes(dep.containerName))
          return `${JSON.stringify(d.name)} depends on ${JSON.stringify(dep.containerName)}, no container of the task`;
      }
    }
    return undefined;
  },
};

/** The FireLens configuration's API shape, and the guide to a task that routes its logs through FireLens. */
const FIRELENS_API = DOC("AmazonECS/latest/APIReference/API_FirelensConfiguration.html");

const FIRELENS_GUIDE = DOC("AmazonECS/latest/developerguide/using_firelens.html");

const containerRules: Rule[] = [
  {
    path: "containerDefinitions@json",
    checks: [CONTAINER_SET],
    source: {
      doc: `${DOC("AmazonECS/latest/developerguide/service-quotas.html")} (Containers per task definition: 10, not adjustable); ${DOC("AmazonECS/latest/APIReference/API_ContainerDependency.html")} (containerName: a container of the task); ${FIRELENS_GUIDE} (awsfirelens: the task needs a log router container with firelensConfiguration)`,
    },
  },
  {
    path: "containerDefinitions@json[].firelensConfiguration.type",
    checks: [{ kind: "oneOf", values: ["fluentd", "fluentbit"] }],
    source: { doc: FIRELENS_API },
  },
  {
    path: "containerDefinitions@json[].firelensConfiguration.options.{key}",
    checks: [{ kind: "oneOf", values: ["enable-ecs-log-metadata", "config-file-type", "config-file-value"] }],
    source: { doc: FIRELENS_API },
  },
  {
    path: "containerDefinitions@json[].firelensConfiguration.options.enable-ecs-log-metadata",
    checks: [{ kind: "oneOf", values: ["true", "false"] }],
    source: { doc: FIRELENS_API },
  },
  {
    path: "containerDefinitions@json[].firelensConfiguration.options.config-file-type",
    checks: [{ kind: "oneOf", values: ["file"] }],
    source: { doc: `${FIRELENS_API} (s3 or file; tasks on Fargate support file only)` },
  },
  { path: "containerDefinitions@json[].name", checks: [len(1, 255), ECS_NAME], source: CONTAINER_SOURCE },
  {
    path: "containerDefinitions@json[].memory",
    checks: [{ kind: "intRange", min: 6, max: 120 * 1024 }],
    source: {
      doc: `${DOC("AmazonECS/latest/APIReference/API_ContainerDefinition.html")} (memory: at least 6 MiB); ${DOC("AmazonECS/latest/developerguide/fargate-tasks-services.html")} (at most the task's, 120 GiB on Fargate)`,
    },
  },
  {
    path: "containerDefinitions@json[].image",
    checks: [IMAGE_LENGTH, formatCheck(DOCKER_REFERENCE, "a Docker image reference")],
    source: {
      tf: CONTAINER_SOURCE.tf,
      doc:
        DOC("AmazonECS/latest/APIReference/API_ContainerDefinition.html") +
        " (image: 255 for name:tag; for name@digest, 255 before the @ and sha256:<64 hex>)",
      code: DOCKER_SOURCE.code,
      model: MODEL("ecs/2014-11-13", "ContainerDefinition.image", "{} (the rule is in its documentation text only)"),
    },
  },
  { path: "containerDefinitions@json[].environment[].name", checks: [ENV_NAME], source: ENV_NAME_SOURCE },
  { path: "containerDefinitions@json[].secrets[].name", checks: [ENV_NAME], source: ENV_NAME_SOURCE },
  { path: "containerDefinitions@json[].secrets[].valueFrom", checks: [VALUE_FROM], source: SECRET_SOURCE },
  { path: "containerDefinitions@json[].logConfiguration.secretOptions[].valueFrom", checks: [VALUE_FROM], source: SECRET_SOURCE },
  {
    path: "containerDefinitions@json[].logConfiguration.logDriver",
    checks: [{ kind: "oneOf", values: ["awslogs", "splunk", "awsfirelens"] }],
    source: { doc: DOC("AmazonECS/latest/APIReference/API_LogConfiguration.html") + " (the drivers Fargate supports)" },
  },
  { path: "containerDefinitions@json[].logConfiguration.options.awslogs-group", checks: LOG_GROUP_NAME, source: LOG_GROUP_SOURCE },
  {
    path: "containerDefinitions@json[].logConfiguration.options.awslogs-stream-prefix",
    checks: [STREAM_PREFIX],
    source: {
      doc: `${DOC("AmazonECS/latest/developerguide/using_awslogs.html")}; ${DOC("AmazonCloudWatchLogs/latest/APIReference/API_CreateLogStream.html")}`,
    },
  },
  {
    path: "containerDefinitions@json[].repositoryCredentials.credentialsParameter",
    checks: [formatCheck(ARN.secretsManagerSecret, "a full Secrets Manager secret ARN")],
    source: { doc: DOC("AmazonECS/latest/APIReference/API_RepositoryCredentials.html") },
  },
  { path: "containerDefinitions@json[].dependsOn[].containerName", checks: [len(1, 255), ECS_NAME], source: CONTAINER_SOURCE },
  {
    path: "containerDefinitions@json[].portMappings[].containerPort",
    checks: [{ kind: "intRange", min: 1, max: 65535 }],
    source: { doc: DOC("AmazonECS/latest/APIReference/API_PortMapping.html") },
  },
  {
    path: "containerDefinitions@json[].portMappings[].protocol",
    checks: [{ kind: "oneOf", values: ["tcp", "udp"] }],
    source: { doc: DOC("AmazonECS/latest/APIReference/API_PortMapping.html") },
  },
  {
    path: "containerDefinitions@json[].portMappings[].name",
    checks: [formatCheck(/^[a-z0-9_][a-z0-9_-]{0,63}$/, "up to 64 lower-case letters, digits, _ and -, not starting with -")],
    source: { doc: DOC("AmazonECS/latest/APIReference/API_PortMapping.html") },
  },
  {
    path: "containerDefinitions@json[].portMappings[].appProtocol",
    checks: [{ kind: "oneOf", values: ["http", "http2", "grpc"] }],
    source: { doc: DOC("AmazonECS/latest/APIReference/API_PortMapping.html") },
  },
  {
    path: "containerDefinitions@json[].dependsOn[].condition",
    checks: [{ kind: "oneOf", values: ["START", "COMPLETE", "SUCCESS", "HEALTHY"] }],
    source: { doc: DOC("AmazonECS/latest/APIReference/API_ContainerDependency.html") },
  },
  {
    path: "containerDefinitions@json[].healthCheck.command[]",
    checks: [formatCheck(/[\s\S]*\S[\s\S]*/, "a part with a non-whitespace character")],
    source: { doc: DOC("AmazonECS/latest/APIReference/API_HealthCheck.html") + " (command: CMD or CMD-SHELL, then the command)" },
  },
  ...healthCheckRange("interval", 5, 300),
  ...healthCheckRange("timeout", 2, 120),
  ...healthCheckRange("retries", 1, 10),
  ...healthCheckRange("startPeriod", 0, 300),
];

const EFS_VOLUME_DOC = DOC("AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html");

const EFS_AUTH_DOC = DOC("AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html");

const EFS_TF = TF("ecs/task_definition.go", "efs_volume_configuration (transit_encryption, authorization_config.iam: the ECS enums)");

const efsVolumeRules: Rule[] = [
  {
    path: "volumes[].efsVolumeConfiguration.fileSystemId",
    checks: [formatCheck(/^fs-[0-9a-f]{8,40}$/, "an EFS file system id: fs- and 8 to 40 hex digits")],
    source: {
      doc: `${EFS_VOLUME_DOC} (fileSystemId: the file system's id); ${DOC("efs/latest/ug/API_DescribeMountTargets.html")} (FileSystemId pattern fs-[0-9a-f]{8,40})`,
    },
  },
  {
    path: "volumes[].efsVolumeConfiguration.transitEncryption",
    checks: [{ kind: "oneOf", values: ["ENABLED", "DISABLED"] }],
    source: { tf: EFS_TF, doc: EFS_VOLUME_DOC },
  },
  {
    path: "volumes[].efsVolumeConfiguration.authorizationConfig.accessPointId",
    checks: [formatCheck(/^fsap-[0-9a-f]{8,40}$/, "an EFS access point id: fsap- and 8 to 40 hex digits")],
    source: {
      doc: `${EFS_AUTH_DOC} (accessPointId: the access point's id); ${DOC("efs/latest/ug/API_DescribeMountTargets.html")} (AccessPointId pattern fsap-[0-9a-f]{8,40})`,
    },
  },
  {
    path: "volumes[].efsVolumeConfiguration.authorizationConfig.iam",
    checks: [{ kind: "oneOf", values: ["ENABLED", "DISABLED"] }],
    source: { tf: EFS_TF, doc: EFS_AUTH_DOC },
  },
];

/** A capacity provider strategy held in `field` (API_CapacityProviderStrategyItem: weight 0-1000, base 0-100000). */
function capacityStrategyRules(field: string): Rule[] {
  const doc = DOC("AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html");
  return [
    {
      path: `${field}[].capacityProvider`,
      checks: [{ kind: "oneOf", values: ["FARGATE", "FARGATE_SPOT"] }],
      source: { doc, unverified: "Auto Scaling group providers (by name) are valid too; the component names only the Fargate ones" },
    },
    { path: `${field}[].weight`, checks: [{ kind: "intRange", min: 0, max: 1000 }], source: { doc: `${doc} (weight: 0 to 1000)` } },
    { path: `${field}[].base`, checks: [{ kind: "intRange", min: 0, max: 100000 }], source: { doc: `${doc} (base: 0 to 100000)` } },
  ];
}

/** The input rules of ECS resource types, by type token. */
export const ECS_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:ecs/cluster:Cluster": {
    rules: [
      { path: "name", checks: [len(1, 255), ECS_NAME], source: { doc: DOC("AmazonECS/latest/APIReference/API_CreateCluster.html") } },
      {
        path: "settings[].name",
        checks: [{ kind: "oneOf", values: ["containerInsights"] }],
        source: { doc: DOC("AmazonECS/latest/APIReference/API_ClusterSetting.html") },
      },
      {
        path: "configuration.executeCommandConfiguration.logging",
        checks: [{ kind: "oneOf", values: ["NONE", "DEFAULT", "OVERRIDE"] }],
        source: { doc: DOC("AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html") },
      },
      {
        path: "configuration.executeCommandConfiguration.logConfiguration.cloudWatchLogGroupName",
        checks: LOG_GROUP_NAME,
        source: { ...LOG_GROUP_SOURCE, doc: DOC("AmazonECS/latest/APIReference/API_ExecuteCommandLogConfiguration.html") },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:ecs/taskDefinition:TaskDefinition": {
    rules: [
      {
        path: "family",
        checks: [len(1, 255), ECS_NAME],
        source: {
          tf: TF("ecs/task_definition.go", "family StringLenBetween(1, 255), StringMatch(^[0-9A-Za-z_-]+$)"),
          doc: DOC("AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html") + " (family: up to 255 letters, numbers, underscores, hyphens)",
        },
      },
      { path: "executionRoleArn", checks: [formatCheck(ARN.iamRole, "an IAM role ARN")], source: ARN_SOURCE },
      { path: "taskRoleArn", checks: [formatCheck(ARN.iamRole, "an IAM role ARN")], source: ARN_SOURCE },
      {
        path: "networkMode",
        checks: [{ kind: "oneOf", values: ["awsvpc"] }],
        source: { doc: DOC("AmazonECS/latest/developerguide/fargate-task-defs.html") + " (Fargate: awsvpc only)" },
      },
      { path: "volumes[].name", checks: [len(1, 255), ECS_NAME], source: { doc: DOC("AmazonECS/latest/APIReference/API_Volume.html") } },
      {
        path: "ephemeralStorage.sizeInGib",
        checks: [{ kind: "intRange", min: 21, max: 200 }],
        source: {
          tf: TF("ecs/task_definition.go", "ephemeral_storage.size_in_gib IntBetween(21, 200)"),
          doc: DOC("AmazonECS/latest/APIReference/API_EphemeralStorage.html") + " (sizeInGiB: 21 to 200)",
        },
      },
      ...efsVolumeRules,
      ...containerRules,
      {
        path: "containerDefinitions@json[].mountPoints[].sourceVolume",
        checks: [len(1, 255), ECS_NAME],
        source: { doc: DOC("AmazonECS/latest/APIReference/API_MountPoint.html") + " (sourceVolume: the name of a volume of the task)" },
      },
      ...tagRules(),
    ],
  },

  "aws:ecs/service:Service": {
    rules: [
      { path: "name", checks: [len(1, 255), ECS_NAME], source: { doc: DOC("AmazonECS/latest/APIReference/API_CreateService.html") } },
      {
        path: "launchType",
        checks: [{ kind: "oneOf", values: ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"] }],
        source: { doc: DOC("AmazonECS/latest/APIReference/API_CreateService.html") },
      },
      ...capacityStrategyRules("capacityProviderStrategies"),
      {
        path: "propagateTags",
        checks: [{ kind: "oneOf", values: ["TASK_DEFINITION", "SERVICE", "NONE"] }],
        source: { doc: DOC("AmazonECS/latest/APIReference/API_CreateService.html") },
      },
      { path: "taskDefinition", checks: [arnCheck()], source: ARN_SOURCE },
      { path: "cluster", checks: [formatCheck(ARN.ecsCluster, "an ECS cluster ARN")], source: ARN_SOURCE },
      {
        path: "loadBalancers[].targetGroupArn",
        checks: [formatCheck(ARN.targetGroup, "a target group ARN")],
        source: { doc: DOC("AmazonECS/latest/APIReference/API_LoadBalancer.html") },
      },
      { path: "loadBalancers[].containerName", checks: [len(1, 255), ECS_NAME], source: CONTAINER_SOURCE },
      { path: "loadBalancers[].containerPort", checks: [PORT], source: { doc: DOC("AmazonECS/latest/APIReference/API_LoadBalancer.html") } },
      {
        path: "healthCheckGracePeriodSeconds",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: { doc: DOC("AmazonECS/latest/APIReference/API_CreateService.html") + " (healthCheckGracePeriodSeconds: up to 2,147,483,647)" },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": {
    rules: [
      {
        path: "clusterName",
        checks: [len(1, 255), ECS_NAME],
        source: { doc: DOC("AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html") },
      },
      {
        path: "capacityProviders[]",
        checks: [{ kind: "oneOf", values: ["FARGATE", "FARGATE_SPOT"] }],
        source: {
          doc: DOC("AmazonECS/latest/developerguide/fargate-capacity-providers.html") + " (the Fargate providers are FARGATE and FARGATE_SPOT)",
          unverified: "Auto Scaling group providers (by name) are valid too; the component names only the Fargate ones",
        },
      },
      ...capacityStrategyRules("defaultCapacityProviderStrategies"),
    ],
    note: "no name of its own: one per cluster",
  },
};
