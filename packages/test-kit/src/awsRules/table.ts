/**
 * AWS's input rules for every resource type the SecureFargateTask component and the twitterstream stack create, with
 * the source of each rule. Pulumi's mocks accept any input; `checkAwsRules` (check.ts) holds captured inputs to this
 * table so that what AWS would refuse fails a unit test instead of `pulumi up`.
 *
 * Every type the program can register is a key here, even with no rules: `checkAwsRules` reports a type that is not.
 */
import {
  ARN,
  ARN_SOURCE,
  arnCheck,
  Check,
  DOCKER_REFERENCE,
  DOCKER_SOURCE,
  EC2_SG_TEXT,
  ECS_NAME,
  formatCheck,
  IAM_NAME_CHARS,
  LOG_GROUP_NAME,
  LOG_GROUP_SOURCE,
  ResourceRules,
  Rule,
  Source,
  SOURCES,
  tagRules,
} from "./rules";
import { dashboardBodyProblems } from "./dashboardBody";

const TF = (file: string, fn: string): string => `internal/service/${file} / ${fn}`;
const DOC = (path: string): string => `https://docs.aws.amazon.com/${path}`;
/** AWS's API model as botocore ships it (botocore 1.43.11 was read): `<service> <Shape>.<member> <constraints>`. */
const MODEL = (service: string, member: string, constraints: string): string => `botocore data/${service}/service-2.json ${member} ${constraints}`;

const len = (min: number, max: number): Check => ({ kind: "length", min, max });

// --- IAM policy documents (role policies, trust policies, key and bucket policies) ---------------------------------

const POLICY_SOURCE: Source = {
  tf: "internal/verify/json.go / ValidIAMPolicyJSON",
  doc: DOC("IAM/latest/UserGuide/reference_policies_elements_resource.html"),
};

/** The rules of an IAM policy document held as a JSON string in `field`. */
function policyDocumentRules(field: string, maxLength: number, lengthSource: Source): Rule[] {
  return [
    { path: field, checks: [len(1, maxLength)], source: lengthSource },
    { path: `${field}@json.Version`, checks: [{ kind: "oneOf", values: ["2012-10-17", "2008-10-17"] }], source: POLICY_SOURCE },
    { path: `${field}@json.Statement[].Effect`, checks: [{ kind: "oneOf", values: ["Allow", "Deny"] }], source: POLICY_SOURCE },
    {
      path: `${field}@json.Statement[].Sid`,
      checks: [formatCheck(/^[A-Za-z0-9]*$/, "[A-Za-z0-9] (statement ids are alphanumeric)")],
      source: { doc: DOC("IAM/latest/UserGuide/reference_policies_elements_sid.html") },
    },
    {
      path: `${field}@json.Statement[].Action[]?`,
      checks: [formatCheck(/^(?:\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/, "<service>:<action>, wildcards allowed")],
      source: { doc: DOC("IAM/latest/UserGuide/reference_policies_elements_action.html") },
    },
    { path: `${field}@json.Statement[].Resource[]?`, checks: [arnCheck(true)], source: { ...POLICY_SOURCE, ...ARN_SOURCE } },
  ];
}

// --- ECS container definitions --------------------------------------------------------------------------------------

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

/** An alarm's metric queries: exactly one returns data, and none has both an expression and a metric. */
const METRIC_QUERIES: Check = {
  kind: "custom",
  what: "metric queries",
  test: (v) => {
    if (!Array.isArray(v)) return "must be a list";
    const queries = v as Array<{ expression?: unknown; metric?: unknown; returnData?: unknown }>;
    const returning = queries.filter((q) => q.returnData === true).length;
    if (returning !== 1) return `${returning} queries return data: exactly one must (the one the alarm watches)`;
    if (queries.some((q) => q.expression !== undefined && q.metric !== undefined)) return "a query has both an expression and a metric";
    return undefined;
  },
};

/** A dashboard body as CloudWatch's documented structure allows it (dashboardBody.ts). */
const DASHBOARD_BODY: Check = {
  kind: "custom",
  what: "dashboard body",
  test: (v) => {
    const problems = dashboardBodyProblems(v);
    return problems.length === 0 ? undefined : problems.join("; ");
  },
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

// --- EFS volumes of a task definition ----------------------------------------------------------------------------------

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

// --- ECR lifecycle policy -------------------------------------------------------------------------------------------

const LIFECYCLE_SOURCE: Source = {
  tf: `${TF("ecr/lifecycle_policy.go", "policy validation.StringIsJSON, sent as structure.NormalizeJsonString")}; ${TF("ecr/lifecycle_policy_document_data_source.go", "rule schema (priority AtLeast(1), tag_status OneOf(tagged, untagged, any), count_type OneOf(imageCountMoreThan, sinceImagePushed), count_number AtLeast(1), action type OneOf(expire))")}`,
  doc: `${DOC("AmazonECR/latest/APIReference/API_PutLifecyclePolicy.html")}; ${DOC("AmazonECR/latest/userguide/LifecyclePolicies.html")}`,
};
const LIFECYCLE_TEXT_SOURCE: Source = {
  ...LIFECYCLE_SOURCE,
  model: MODEL("ecr/2015-09-21", "PutLifecyclePolicyRequest.lifecyclePolicyText", "{min: 100, max: 30720}"),
};
const LIFECYCLE_DESCRIPTION_SOURCE: Source = {
  ...LIFECYCLE_SOURCE,
  unverified:
    "no length or character limit for a rule's description was found: TF's lifecycle_policy_document_data_source.go description has no validator, the policy text is only length-limited (100..30720); only the type is checked",
};

// --- Lambda -------------------------------------------------------------------------------------------------------------

/** Lambda's reserved environment variable names: a function may not set them. */
const LAMBDA_RESERVED_ENV = [
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
];
const LAMBDA_DOC = DOC("lambda/latest/api/API_CreateFunction.html");
const LAMBDA_MODEL = (member: string, constraints: string): string => MODEL("lambda/2015-03-31", `CreateFunctionRequest.${member}`, constraints);

// --- EventBridge ----------------------------------------------------------------------------------------------------

/**
 * An event pattern's length as terraform-provider-aws measures it before PutRule: the pattern parsed and marshalled
 * again without whitespace (Go `len`, UTF-8 bytes), at most 4096. A pattern that is not JSON is reported by the
 * `eventPattern@json` rules; here its raw length counts.
 */
const EVENT_PATTERN_LENGTH: Check = {
  kind: "custom",
  what: "event pattern length",
  test: (v) => {
    if (typeof v !== "string" || v === "") return "must be a non-empty string";
    let compact = v;
    try {
      compact = JSON.stringify(JSON.parse(v));
    } catch {
      // not JSON: measured as is
    }
    const bytes = Buffer.byteLength(compact, "utf8");
    return bytes > 4096 ? `${bytes} bytes as compact JSON, at most 4096 allowed` : undefined;
  },
};

// --- Elastic Load Balancing ------------------------------------------------------------------------------------------

const ELB_DOC = (page: string): string => DOC(`elasticloadbalancing/latest/APIReference/${page}.html`);
/** ELB names: 1..32 alphanumerics and hyphens, no hyphen at either end (load balancers: not starting with internal-). */
const ELB_NAME: Check[] = [
  len(1, 32),
  formatCheck(/^[0-9A-Za-z](?:[0-9A-Za-z-]*[0-9A-Za-z])?$/, "alphanumerics and hyphens, not starting or ending with a hyphen"),
];
const PORT: Check = { kind: "intRange", min: 1, max: 65535 };

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

/** A scheduled action's name: no control characters, no `:`, `/` or `|`, no leading or trailing space. */
const SCHEDULED_ACTION_NAME: Check = {
  kind: "custom",
  what: "scheduled action name",
  test: (v) => {
    if (typeof v !== "string") return "must be a string";
    const control = [...v].some((c) => c.charCodeAt(0) <= 0x1f || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));
    if (control || /[:/|]/.test(v)) return "no control characters, `:`, `/` or `|`";
    return v.startsWith(" ") || v.endsWith(" ") ? "no leading or trailing space" : undefined;
  },
};

/** A number above zero (Application Auto Scaling's target values). */
const POSITIVE_NUMBER: Check = {
  kind: "custom",
  what: "positive number",
  test: (v) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? undefined : "must be a number above 0"),
};

/**
 * An Application Auto Scaling schedule expression, in the three forms its guide documents: `at(yyyy-mm-ddThh:mm:ss)`,
 * `rate(value unit)` with a positive whole value and minute(s), hour(s) or day(s), and `cron(...)` with six fields of
 * which day-of-month or day-of-week is `?` ("You can't specify the Day-of-month and Day-of-week fields in the same cron
 * expression"). A model of AWS's rule of its own, not the component's parser (src/schedule/expression.ts), so that the
 * parser is held to it rather than to itself.
 */
const SCHEDULE_EXPRESSION: Check = {
  kind: "custom",
  what: "schedule expression",
  test: (v) => {
    if (typeof v !== "string") return "must be a string";
    const match = /^(cron|rate|at)\((.*)\)$/.exec(v);
    if (!match) return "is not `cron(...)`, `rate(...)` or `at(...)`";
    const [, kind, body] = match;
    if (kind === "at") return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(body) ? undefined : "at(...) takes yyyy-mm-ddThh:mm:ss";
    if (kind === "rate") {
      const rate = /^([1-9]\d*) (minute|minutes|hour|hours|day|days)$/.exec(body);
      return rate ? undefined : "rate(...) takes a positive whole number and minute(s), hour(s) or day(s)";
    }
    const fields = body.split(" ");
    if (fields.length !== 6 || fields.some((f) => f === "")) return "cron(...) takes six fields separated by single spaces";
    const [, , dayOfMonth, , dayOfWeek] = fields;
    return (dayOfMonth === "?") !== (dayOfWeek === "?") ? undefined : "cron(...) needs `?` in exactly one of day-of-month and day-of-week";
  },
};

/** An IANA time zone name, as the runtime's ICU knows them. */
const IANA_TIME_ZONE: Check = {
  kind: "custom",
  what: "IANA time zone",
  test: (v) => (typeof v === "string" && Intl.supportedValuesOf("timeZone").concat("UTC").includes(v) ? undefined : "not an IANA time zone name"),
};

/** A security group rule resource's (aws.vpc.SecurityGroupIngressRule / EgressRule) own fields. */
function vpcSecurityGroupRuleRules(operation: string): Rule[] {
  const source: Source = {
    doc: DOC(`AWSEC2/latest/APIReference/${operation}.html`) + "; " + DOC("AWSEC2/latest/APIReference/API_IpPermission.html"),
  };
  return [
    {
      path: "description",
      checks: [len(0, 255), EC2_SG_TEXT],
      source: {
        doc: DOC("AWSEC2/latest/APIReference/API_IpRange.html") + " (Description: 255 characters, a-zA-Z0-9, spaces and ._-:/()#,@[]+=&;{}!$*)",
      },
    },
    {
      path: "ipProtocol",
      checks: [formatCheck(/^(?:-1|tcp|udp|icmp|icmpv6|\d{1,3})$/i, "tcp, udp, icmp, icmpv6, -1 or a protocol number")],
      source,
    },
    { path: "fromPort", checks: [{ kind: "intRange", min: -1, max: 65535 }], source },
    { path: "toPort", checks: [{ kind: "intRange", min: -1, max: 65535 }], source },
    {
      path: "cidrIpv4",
      checks: [
        formatCheck(/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(?:3[0-2]|[12]?\d)$/, "an IPv4 CIDR block"),
      ],
      source: {
        tf: TF("ec2/vpc_security_group_ingress_rule.go", "cidr_ipv4 fwvalidators.IPv4CIDRNetworkAddress"),
        doc: DOC("AWSEC2/latest/APIReference/API_IpRange.html"),
      },
    },
    ...tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }),
  ];
}

// --- The table --------------------------------------------------------------------------------------------------------

/** The AWS input rules of every resource type the component and the stack can register. */
export const AWS_RULES: Readonly<Record<string, ResourceRules>> = {
  "secure-fargate-task:index:SecureFargateTask": { rules: [], note: "the component itself: no AWS inputs" },
  "pulumi:pulumi:Stack": { rules: [], note: "the stack resource: no AWS inputs" },
  "time:index/sleep:Sleep": {
    rules: [
      {
        path: "createDuration",
        checks: [{ kind: "pattern", pattern: /[0-9]+(\.[0-9]+)?(ms|s|m|h)/, what: "a duration such as 15s" }],
        source: { code: "terraform-provider-time internal/provider/resource_time_sleep.go / create_duration stringvalidator.RegexMatches" },
      },
    ],
    note: "the IAM propagation wait (src/iam/iamPropagation.ts): the time provider sleeps, sends nothing to AWS",
  },

  "aws:ec2/securityGroup:SecurityGroup": {
    rules: [
      {
        path: "name",
        checks: [
          len(0, 255),
          EC2_SG_TEXT,
          {
            kind: "custom",
            what: "no sg- prefix",
            test: (v) => (typeof v === "string" && /^sg-/i.test(v) ? "cannot start with `sg-`" : undefined),
          },
        ],
        source: {
          tf: TF("ec2/vpc_security_group.go", "name StringLenBetween(0, 255)"),
          doc: DOC("AWSEC2/latest/APIReference/API_CreateSecurityGroup.html"),
        },
      },
      {
        path: "description",
        checks: [len(0, 255), EC2_SG_TEXT],
        source: {
          tf: TF("ec2/vpc_security_group.go", "description StringLenBetween(0, 255)"),
          doc: DOC("AWSEC2/latest/APIReference/API_CreateSecurityGroup.html"),
        },
      },
      ...(["ingress", "egress"] as const).map((dir) => ({
        path: `${dir}[].description`,
        checks: [len(0, 255), EC2_SG_TEXT],
        source: { tf: TF("ec2/validate.go", "validSecurityGroupRuleDescription"), doc: DOC("AWSEC2/latest/APIReference/API_IpRange.html") },
      })),
      ...(["ingress", "egress"] as const).map((dir) => ({
        path: `${dir}[].protocol`,
        checks: [formatCheck(/^(?:-1|tcp|udp|icmp|icmpv6|all|\d{1,3})$/i, "tcp, udp, icmp, icmpv6, -1/all or a protocol number")],
        source: { doc: DOC("AWSEC2/latest/APIReference/API_IpPermission.html") },
      })),
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, suppressedBy: ["namePrefix"], source: SOURCES.pulumiAutoName },
  },

  "aws:iam/role:Role": {
    rules: [
      {
        path: "name",
        checks: [len(1, 64), IAM_NAME_CHARS],
        source: { tf: TF("iam/role.go", "name validResourceName(roleNameMaxLen = 64)"), doc: DOC("IAM/latest/APIReference/API_CreateRole.html") },
      },
      {
        path: "path",
        checks: [len(1, 512), formatCheck(/^(?:\/|\/[\u0021-\u007E]+\/)$/, String.raw`/ or /[\u0021-\u007E]+/`)],
        source: { tf: TF("iam/role.go", "path StringLenBetween(0, 512)"), doc: DOC("IAM/latest/APIReference/API_CreateRole.html") },
      },
      {
        path: "description",
        checks: [
          len(0, 1000),
          {
            kind: "pattern",
            // eslint-disable-next-line no-control-regex -- AWS's own character rule: tab, line feed and carriage return are allowed
            pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
            what: String.raw`[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]`,
            // eslint-disable-next-line no-control-regex -- the same AWS character rule, one character at a time
            chars: /[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]/,
          },
        ],
        source: {
          tf: TF("iam/role.go", "description StringLenBetween(0, 1000), no [“‘]"),
          doc: DOC("IAM/latest/APIReference/API_CreateRole.html"),
        },
      },
      ...policyDocumentRules("assumeRolePolicy", 2048, {
        doc: DOC("IAM/latest/UserGuide/reference_iam-quotas.html") + " (role trust policy length, default quota 2048)",
      }),
      {
        path: "assumeRolePolicy@json.Statement[].Principal.Service[]?",
        checks: [formatCheck(/^[a-z0-9.-]+\.amazonaws\.com(?:\.cn)?$/, "<service>.amazonaws.com")],
        source: { doc: DOC("IAM/latest/UserGuide/reference_policies_elements_principal.html") },
      },
      ...tagRules(),
    ],
    autoName: {
      field: "name",
      maxLength: 64,
      suppressedBy: ["namePrefix"],
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_iam_role: AutoName("name", 64, "-")` },
    },
  },

  "aws:iam/rolePolicy:RolePolicy": {
    rules: [
      {
        path: "name",
        checks: [len(1, 128), IAM_NAME_CHARS],
        source: {
          tf: TF("iam/validate.go", "validRolePolicyName = validResourceName(rolePolicyNameMaxLen = 128)"),
          doc: DOC("IAM/latest/APIReference/API_PutRolePolicy.html"),
        },
      },
      ...policyDocumentRules("policy", 10240, {
        doc: DOC("IAM/latest/UserGuide/reference_iam-quotas.html") + " (role inline policies, 10,240 characters in all)",
      }),
    ],
    autoName: {
      field: "name",
      maxLength: 255,
      suppressedBy: ["namePrefix"],
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_iam_role_policy has no override: 255, above AWS's 128` },
    },
  },

  "aws:kms/key:Key": {
    rules: [
      {
        path: "description",
        checks: [len(0, 8192)],
        source: { tf: TF("kms/key.go", "description StringLenBetween(0, 8192)"), doc: DOC("kms/latest/APIReference/API_CreateKey.html") },
      },
      {
        path: "deletionWindowInDays",
        checks: [{ kind: "intRange", min: 7, max: 30 }],
        source: {
          tf: TF("kms/key.go", "deletion_window_in_days IntBetween(7, 30)"),
          doc: DOC("kms/latest/APIReference/API_ScheduleKeyDeletion.html"),
        },
      },
      ...policyDocumentRules("policy", 32768, {
        tf: TF("kms/key.go", "policy"),
        doc: DOC("kms/latest/APIReference/API_CreateKey.html") + " (Policy: 1..32768)",
      }),
      ...tagRules(),
    ],
  },

  "aws:kms/alias:Alias": {
    rules: [
      {
        path: "name",
        checks: [
          len(1, 256),
          formatCheck(/^alias\/[a-zA-Z0-9/_-]+$/, "alias/ followed by [a-zA-Z0-9/_-]"),
          {
            kind: "custom",
            what: "not alias/aws/",
            test: (v) => (typeof v === "string" && v.startsWith("alias/aws/") ? "`alias/aws/` is reserved for AWS managed keys" : undefined),
          },
        ],
        source: { tf: TF("kms/validate.go", "validNameForResource"), doc: DOC("kms/latest/APIReference/API_CreateAlias.html") },
      },
    ],
  },

  "aws:cloudwatch/logGroup:LogGroup": {
    rules: [
      { path: "name", checks: LOG_GROUP_NAME, source: LOG_GROUP_SOURCE },
      {
        path: "retentionInDays",
        checks: [
          { kind: "oneOf", values: [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] },
        ],
        source: {
          tf: TF("logs/group.go", "retention_in_days IntInSlice"),
          doc: DOC("AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html"),
        },
      },
      {
        path: "kmsKeyId",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: { doc: DOC("AmazonCloudWatchLogs/latest/APIReference/API_AssociateKmsKey.html") + " (kmsKeyId must be a key ARN)" },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, suppressedBy: ["namePrefix"], source: SOURCES.pulumiAutoName },
  },

  "aws:secretsmanager/secret:Secret": {
    rules: [
      {
        path: "name",
        checks: [len(1, 512), formatCheck(/^[0-9A-Za-z/_+=.@-]+$/, "[0-9A-Za-z/_+=.@-]")],
        source: { tf: TF("secretsmanager/validate.go", "validSecretName"), doc: DOC("secretsmanager/latest/apireference/API_CreateSecret.html") },
      },
      {
        path: "namePrefix",
        // TF appends a 26-character unique suffix (sdkid.UniqueIDSuffixLength); AWS then appends -<6 chars> to the ARN.
        checks: [len(1, 512 - 26), formatCheck(/^[0-9A-Za-z/_+=.@-]+$/, "[0-9A-Za-z/_+=.@-]")],
        source: {
          tf: TF("secretsmanager/validate.go", "validSecretNamePrefix (512 - UniqueIDSuffixLength 26)"),
          doc: DOC("secretsmanager/latest/apireference/API_CreateSecret.html"),
        },
      },
      {
        path: "description",
        checks: [len(0, 2048)],
        source: {
          tf: TF("secretsmanager/secret.go", "description StringLenBetween(0, 2048)"),
          doc: DOC("secretsmanager/latest/apireference/API_CreateSecret.html"),
        },
      },
      {
        path: "kmsKeyId",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: { doc: DOC("secretsmanager/latest/apireference/API_CreateSecret.html") },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, suppressedBy: ["namePrefix"], source: SOURCES.pulumiAutoName },
  },

  "aws:secretsmanager/secretVersion:SecretVersion": {
    rules: [{ path: "secretString", checks: [len(1, 65536)], source: { doc: DOC("secretsmanager/latest/apireference/API_PutSecretValue.html") } }],
    note: "secretId is the secret resource's id (its ARN) from the mocks",
  },

  "aws:ecr/repository:Repository": {
    rules: [
      {
        path: "name",
        // `__` and runs of `-` are allowed between components; `.`, a single `_` too. Not `--`-free as older docs said.
        checks: [
          len(2, 256),
          formatCheck(
            /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/,
            String.raw`[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*`,
          ),
        ],
        source: {
          tf: TF("ecr/repository.go", "name (no ValidateFunc: AWS refuses)"),
          doc: DOC("AmazonECR/latest/APIReference/API_CreateRepository.html"),
          model: MODEL(
            "ecr/2015-09-21",
            "CreateRepositoryRequest.repositoryName",
            String.raw`{min: 2, max: 256, pattern: [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*}`,
          ),
        },
      },
      {
        path: "imageTagMutability",
        checks: [{ kind: "oneOf", values: ["MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"] }],
        source: {
          doc: DOC("AmazonECR/latest/APIReference/API_CreateRepository.html"),
          model: MODEL("ecr/2015-09-21", "CreateRepositoryRequest.imageTagMutability", "enum"),
        },
      },
      {
        path: "encryptionConfigurations[].kmsKey",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: { doc: DOC("AmazonECR/latest/APIReference/API_EncryptionConfiguration.html") },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:ecr/lifecyclePolicy:LifecyclePolicy": {
    rules: [
      { path: "policy", checks: [len(100, 30720)], source: LIFECYCLE_TEXT_SOURCE },
      { path: "policy@json.rules[].rulePriority", checks: [{ kind: "intRange", min: 1, max: 999 }], source: LIFECYCLE_SOURCE },
      {
        path: "policy@json.rules[].description",
        checks: [{ kind: "custom", what: "a string", test: (v) => (typeof v === "string" ? undefined : "must be a string") }],
        source: LIFECYCLE_DESCRIPTION_SOURCE,
      },
      {
        path: "policy@json.rules[].selection.tagStatus",
        checks: [{ kind: "oneOf", values: ["tagged", "untagged", "any"] }],
        source: LIFECYCLE_SOURCE,
      },
      {
        path: "policy@json.rules[].selection.countType",
        checks: [{ kind: "oneOf", values: ["imageCountMoreThan", "sinceImagePushed"] }],
        source: LIFECYCLE_SOURCE,
      },
      { path: "policy@json.rules[].selection.countNumber", checks: [{ kind: "intRange", min: 1, max: 2147483647 }], source: LIFECYCLE_SOURCE },
      { path: "policy@json.rules[].action.type", checks: [{ kind: "oneOf", values: ["expire"] }], source: LIFECYCLE_SOURCE },
    ],
  },

  "docker:index/image:Image": {
    rules: [
      {
        path: "imageName",
        checks: [formatCheck(DOCKER_REFERENCE, "[registry/]repository[:tag] with tag [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")],
        source: DOCKER_SOURCE,
      },
      {
        path: "build.platform",
        checks: [{ kind: "oneOf", values: ["linux/amd64", "linux/arm64"] }],
        source: { doc: DOC("AmazonECS/latest/developerguide/task_definition_parameters.html#runtime-platform") },
      },
    ],
  },

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

  "aws:appautoscaling/target:Target": {
    rules: [
      {
        path: "serviceNamespace",
        checks: [{ kind: "oneOf", values: ["ecs"] }],
        source: {
          doc: DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html") + " (ServiceNamespace; ecs for a service)",
          unverified: "only ecs is listed: the one namespace the component scales; AWS takes others",
        },
      },
      {
        path: "scalableDimension",
        checks: [{ kind: "oneOf", values: ["ecs:service:DesiredCount"] }],
        source: {
          doc:
            DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html") +
            " (ScalableDimension; ecs:service:DesiredCount for a service)",
          unverified: "only the ECS dimension is listed: the one the component scales; AWS takes others",
        },
      },
      {
        path: "resourceId",
        checks: [len(1, 1600), formatCheck(/^service\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,255}$/, "service/<cluster name>/<service name>")],
        source: {
          doc:
            DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html") +
            " (ResourceId: 1 to 1600; ECS service: service/<cluster-name>/<service-name>)",
          model: MODEL("application-autoscaling/2016-02-06", "RegisterScalableTargetRequest.ResourceId", "{min 1, max 1600, pattern \\p{Print}+}"),
        },
      },
      {
        path: "minCapacity",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: {
          tf: TF("appautoscaling/target.go", "min_capacity TypeInt (int32)"),
          doc: DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html"),
        },
      },
      {
        path: "maxCapacity",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: {
          tf: TF("appautoscaling/target.go", "max_capacity TypeInt (int32)"),
          doc: DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html"),
        },
      },
      ...tagRules(),
    ],
    note: "no name: a scalable target is keyed by namespace, resource id and dimension",
  },

  "aws:appautoscaling/policy:Policy": {
    rules: [
      {
        path: "name",
        checks: [len(1, 255), formatCheck(/^[\x20-\x7e]+$/, "printable characters")],
        source: {
          tf: TF("appautoscaling/policy.go", "name StringLenBetween(0, 255)"),
          doc: DOC("autoscaling/application/APIReference/API_PutScalingPolicy.html") + " (PolicyName: 1 to 256, \\p{Print}+)",
        },
      },
      {
        path: "policyType",
        checks: [{ kind: "oneOf", values: ["StepScaling", "TargetTrackingScaling", "PredictiveScaling"] }],
        source: { doc: DOC("autoscaling/application/APIReference/API_PutScalingPolicy.html") + " (PolicyType)" },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType",
        checks: [{ kind: "oneOf", values: ["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "ALBRequestCountPerTarget"] }],
        source: {
          doc:
            DOC("autoscaling/application/APIReference/API_PredefinedMetricSpecification.html") +
            " (PredefinedMetricType: the ECS service metrics and ALBRequestCountPerTarget)",
          unverified: "only the three metrics that apply to an ECS service are listed; the API's enum has more, for other services",
        },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.resourceLabel",
        checks: [
          len(1, 1023),
          formatCheck(
            /^app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}\/targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
            "app/<alb>/<id>/targetgroup/<target group>/<id>",
          ),
        ],
        source: {
          tf: TF("appautoscaling/policy.go", "resource_label StringLenBetween(0, 1023)"),
          doc:
            DOC("autoscaling/application/APIReference/API_PredefinedMetricSpecification.html") +
            " (ResourceLabel: 1 to 1023; for ALBRequestCountPerTarget, app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>)",
        },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.scaleInCooldown",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: {
          tf: TF("appautoscaling/policy.go", "scale_in_cooldown TypeInt"),
          doc: DOC("autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html"),
        },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.scaleOutCooldown",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: {
          tf: TF("appautoscaling/policy.go", "scale_out_cooldown TypeInt"),
          doc: DOC("autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html"),
        },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.targetValue",
        checks: [POSITIVE_NUMBER],
        source: {
          tf: TF("appautoscaling/policy.go", "target_value TypeFloat"),
          doc:
            DOC("autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html") +
            " (TargetValue: 8.515920e-109 to 1.174271e+108)",
        },
      },
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:appautoscaling/scheduledAction:ScheduledAction": {
    rules: [
      {
        path: "name",
        checks: [len(1, 256), SCHEDULED_ACTION_NAME],
        source: {
          tf: TF("appautoscaling/scheduled_action.go", "name (no validator: AWS refuses)"),
          model: MODEL(
            "application-autoscaling/2016-02-06",
            "PutScheduledActionRequest.ScheduledActionName",
            "{min 1, max 256, pattern (?!((^[ ]+.*)|(.*([\\u0000-\\u001f]|[\\u007f-\\u009f]|[:/|])+.*)|(.*[ ]+$))).+}",
          ),
        },
      },
      {
        path: "schedule",
        checks: [len(1, 1600), SCHEDULE_EXPRESSION],
        source: {
          tf: TF("appautoscaling/scheduled_action.go", "schedule (no validator: AWS refuses)"),
          doc:
            DOC("autoscaling/application/APIReference/API_PutScheduledAction.html") +
            " (Schedule: 1 to 1600; at(yyyy-mm-ddThh:mm:ss), rate(value unit), cron(6 fields)) and " +
            DOC("autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html"),
        },
      },
      {
        path: "timezone",
        checks: [len(1, 1600), IANA_TIME_ZONE],
        source: {
          tf: TF("appautoscaling/scheduled_action.go", "timezone (default UTC, no validator)"),
          doc: DOC("autoscaling/application/APIReference/API_PutScheduledAction.html") + " (Timezone: 1 to 1600, an IANA time zone name)",
        },
      },
      {
        path: "scalableTargetAction.minCapacity",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: { tf: TF("appautoscaling/scheduled_action.go", "scalable_target_action.min_capacity ValidateTypeStringNullableIntAtLeast(0)") },
      },
      {
        path: "scalableTargetAction.maxCapacity",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: { tf: TF("appautoscaling/scheduled_action.go", "scalable_target_action.max_capacity ValidateTypeStringNullableIntAtLeast(0)") },
      },
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:lb/loadBalancer:LoadBalancer": {
    rules: [
      {
        path: "name",
        checks: [
          ...ELB_NAME,
          {
            kind: "custom",
            what: "no internal- prefix",
            test: (v) => (typeof v === "string" && /^internal-/.test(v) ? 'cannot begin with "internal-"' : undefined),
          },
        ],
        source: { tf: TF("elbv2/validate.go", "validName"), doc: ELB_DOC("API_CreateLoadBalancer") },
      },
      {
        path: "loadBalancerType",
        checks: [{ kind: "oneOf", values: ["application", "network", "gateway"] }],
        source: { tf: TF("elbv2/load_balancer.go", "load_balancer_type enum LoadBalancerTypeEnum"), doc: ELB_DOC("API_CreateLoadBalancer") },
      },
      {
        path: "desyncMitigationMode",
        checks: [{ kind: "oneOf", values: ["monitor", "defensive", "strictest"] }],
        source: {
          tf: TF("elbv2/load_balancer.go", "desync_mitigation_mode StringInSlice(httpDesyncMitigationMode_Values)"),
          doc: ELB_DOC("API_LoadBalancerAttribute") + " (routing.http.desync_mitigation_mode)",
        },
      },
      {
        path: "subnets",
        checks: [
          {
            kind: "custom",
            what: "two or more subnets",
            test: (v) =>
              Array.isArray(v) && v.length < 2
                ? `${v.length} subnet(s): an Application Load Balancer needs subnets in at least two Availability Zones`
                : undefined,
          },
        ],
        source: {
          doc: ELB_DOC("API_CreateLoadBalancer") + " (Subnets: for an Application Load Balancer, subnets from at least two Availability Zones)",
        },
      },
      {
        path: "accessLogs.prefix",
        checks: [
          {
            kind: "custom",
            what: "access log prefix",
            test: (v) =>
              typeof v === "string" && (v.startsWith("/") || v.endsWith("/") || v.includes("AWSLogs"))
                ? 'must not start or end with "/" nor contain "AWSLogs"'
                : undefined,
          },
        ],
        source: {
          doc:
            DOC("elasticloadbalancing/latest/application/enable-access-logging.html") +
            " (the prefix cannot include AWSLogs, nor start or end with /)",
        },
      },
      ...tagRules({ doc: ELB_DOC("API_Tag") }),
    ],
    note: "the component always sets `name` (loadBalancerName in src/loadBalancer/names.ts), so no auto-name is made",
  },

  "aws:lb/targetGroup:TargetGroup": {
    rules: [
      { path: "name", checks: ELB_NAME, source: { tf: TF("elbv2/validate.go", "validTargetGroupName"), doc: ELB_DOC("API_CreateTargetGroup") } },
      {
        path: "port",
        checks: [PORT],
        source: { tf: TF("elbv2/target_group.go", "port IntBetween(1, 65535)"), doc: ELB_DOC("API_CreateTargetGroup") },
      },
      {
        path: "protocol",
        checks: [{ kind: "oneOf", values: ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"] }],
        source: { tf: TF("elbv2/target_group.go", "protocol enum ProtocolEnum"), doc: ELB_DOC("API_CreateTargetGroup") },
      },
      {
        path: "targetType",
        checks: [{ kind: "oneOf", values: ["ip"] }],
        source: { doc: DOC("AmazonECS/latest/developerguide/alb.html") + " (awsvpc tasks register by IP: target type ip, not instance)" },
      },
      {
        path: "healthCheck.path",
        checks: [len(1, 1024), formatCheck(/^\/.*$/, "starting with /")],
        source: {
          tf: TF("elbv2/target_group.go", "health_check.path StringLenBetween(1, 1024), StringHasPrefix(/)"),
          doc: ELB_DOC("API_CreateTargetGroup"),
        },
      },
      {
        path: "healthCheck.interval",
        checks: [{ kind: "intRange", min: 5, max: 300 }],
        source: { tf: TF("elbv2/target_group.go", "health_check.interval IntBetween(5, 300)"), doc: ELB_DOC("API_CreateTargetGroup") },
      },
      {
        path: "healthCheck.timeout",
        checks: [{ kind: "intRange", min: 2, max: 120 }],
        source: { tf: TF("elbv2/target_group.go", "health_check.timeout IntBetween(2, 120)"), doc: ELB_DOC("API_CreateTargetGroup") },
      },
      ...(["healthyThreshold", "unhealthyThreshold"] as const).map((field) => ({
        path: `healthCheck.${field}`,
        checks: [{ kind: "intRange" as const, min: 2, max: 10 }],
        source: {
          tf: TF("elbv2/target_group.go", "health_check.healthy_threshold / unhealthy_threshold IntBetween(2, 10)"),
          doc: ELB_DOC("API_CreateTargetGroup"),
        },
      })),
      {
        path: "healthCheck.matcher",
        checks: [formatCheck(/^\d{3}(?:-\d{3})?(?:,\d{3}(?:-\d{3})?)*$/, "HTTP codes: 200, 200,204 or 200-299")],
        source: { doc: ELB_DOC("API_Matcher") + " (HttpCode: values from 200 to 499 for an ALB, as 200,202 or 200-299)" },
      },
      ...tagRules({ doc: ELB_DOC("API_Tag") }),
    ],
    autoName: {
      field: "name",
      maxLength: 32,
      suppressedBy: ["namePrefix"],
      source: {
        code: `${SOURCES.pulumiAutoName.code}; aws_lb_target_group: AutoName("name", 32, "-") (pulumi-aws provider applyLegacyResourceAliases)`,
      },
    },
  },

  "aws:lb/listener:Listener": {
    rules: [
      {
        path: "loadBalancerArn",
        checks: [formatCheck(ARN.loadBalancer, "a load balancer ARN")],
        source: { tf: TF("elbv2/listener.go", "load_balancer_arn verify.ValidARN"), doc: ELB_DOC("API_CreateListener") },
      },
      { path: "port", checks: [PORT], source: { tf: TF("elbv2/listener.go", "port validation.IsPortNumber"), doc: ELB_DOC("API_CreateListener") } },
      {
        path: "protocol",
        checks: [{ kind: "oneOf", values: ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"] }],
        source: { tf: TF("elbv2/listener.go", "protocol StringInSlice(ProtocolEnum_Values)"), doc: ELB_DOC("API_CreateListener") },
      },
      {
        path: "certificateArn",
        checks: [formatCheck(ARN.acmCertificate, "an ACM certificate ARN")],
        source: { tf: TF("elbv2/listener.go", "certificate_arn verify.ValidARN"), doc: ELB_DOC("API_Certificate") },
      },
      {
        path: "sslPolicy",
        checks: [formatCheck(/^ELBSecurityPolicy-[A-Za-z0-9-]+$/, "an ELBSecurityPolicy-* predefined policy name")],
        source: {
          tf: TF("elbv2/listener.go", "ssl_policy (no validator: AWS refuses)"),
          doc: DOC("elasticloadbalancing/latest/application/describe-ssl-policies.html") + " (ALBs take predefined policies only, no custom ones)",
        },
      },
      {
        path: "defaultActions[].type",
        checks: [{ kind: "oneOf", values: ["forward", "redirect", "fixed-response", "authenticate-oidc", "authenticate-cognito"] }],
        source: { tf: TF("elbv2/listener.go", "default_action.type StringInSlice(ActionTypeEnum_Values)"), doc: ELB_DOC("API_Action") },
      },
      {
        path: "defaultActions[].targetGroupArn",
        checks: [formatCheck(ARN.targetGroup, "a target group ARN")],
        source: { tf: TF("elbv2/listener.go", "default_action.target_group_arn verify.ValidARN"), doc: ELB_DOC("API_Action") },
      },
      {
        path: "defaultActions[].redirect.protocol",
        checks: [{ kind: "oneOf", values: ["#{protocol}", "HTTP", "HTTPS"] }],
        source: {
          tf: TF("elbv2/listener.go", "redirect.protocol StringInSlice(#{protocol}, HTTP, HTTPS)"),
          doc: ELB_DOC("API_RedirectActionConfig"),
        },
      },
      {
        path: "defaultActions[].redirect.statusCode",
        checks: [{ kind: "oneOf", values: ["HTTP_301", "HTTP_302"] }],
        source: {
          tf: TF("elbv2/listener.go", "redirect.status_code StringInSlice(RedirectActionStatusCodeEnum_Values)"),
          doc: ELB_DOC("API_RedirectActionConfig"),
        },
      },
      ...tagRules({ doc: ELB_DOC("API_Tag") }),
    ],
  },

  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": { rules: vpcSecurityGroupRuleRules("API_AuthorizeSecurityGroupIngress") },
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { rules: vpcSecurityGroupRuleRules("API_AuthorizeSecurityGroupEgress") },

  "aws:s3/bucket:Bucket": {
    rules: [
      {
        path: "bucketPrefix",
        checks: [
          len(1, 63 - 26),
          formatCheck(/^[a-z0-9][a-z0-9.-]*$/, "lower-case letters, digits, `.` and `-`, starting with a letter or digit"),
          {
            kind: "custom",
            what: "no `..`",
            test: (v) => (typeof v === "string" && /\.\.|\.-|-\./.test(v) ? "bucket names cannot contain `..`, `.-` or `-.`" : undefined),
          },
        ],
        source: {
          tf: TF(
            "s3/bucket.go",
            "bucket_prefix StringLenBetween(0, 63-id.UniqueIDSuffixLength); terraform-plugin-sdk helper/id UniqueIDSuffixLength = 26, so 37",
          ),
          doc: DOC("AmazonS3/latest/userguide/bucketnamingrules.html") + " (the characters: a prefix is the start of a bucket name)",
        },
      },
      {
        path: "bucket",
        checks: [
          len(3, 63),
          formatCheck(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, "lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit"),
        ],
        source: { tf: TF("s3/bucket.go", "bucket validBucketName"), doc: DOC("AmazonS3/latest/userguide/bucketnamingrules.html") },
      },
      ...tagRules(),
    ],
    note: "pulumi-aws auto-names `bucket` (AutoNameTransform, 63, lower case) unless bucketPrefix is set; the component always sets bucketPrefix",
  },
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": { rules: [], note: "only the bucket name (from the Bucket) and booleans" },
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": {
    rules: [
      {
        path: "rule.objectOwnership",
        checks: [{ kind: "oneOf", values: ["BucketOwnerPreferred", "ObjectWriter", "BucketOwnerEnforced"] }],
        source: { doc: DOC("AmazonS3/latest/API/API_OwnershipControlsRule.html") },
      },
    ],
  },
  "aws:s3/bucketVersioning:BucketVersioning": {
    rules: [
      {
        path: "versioningConfiguration.status",
        checks: [{ kind: "oneOf", values: ["Enabled", "Suspended", "Disabled"] }],
        source: { tf: TF("s3/bucket_versioning.go", "status"), doc: DOC("AmazonS3/latest/API/API_VersioningConfiguration.html") },
      },
    ],
  },
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
    rules: [
      {
        path: "rules[].applyServerSideEncryptionByDefault.sseAlgorithm",
        checks: [{ kind: "oneOf", values: ["AES256", "aws:kms", "aws:kms:dsse"] }],
        source: { doc: DOC("AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html") },
      },
      {
        path: "rules[].applyServerSideEncryptionByDefault.kmsMasterKeyId",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: { doc: DOC("AmazonS3/latest/API/API_ServerSideEncryptionByDefault.html") },
      },
    ],
  },
  "aws:s3/bucketPolicy:BucketPolicy": {
    rules: policyDocumentRules("policy", 20 * 1024, {
      doc: DOC("AmazonS3/latest/userguide/example-bucket-policies.html") + " (bucket policies are limited to 20 KB)",
    }),
  },
  "aws:s3/bucketObjectv2:BucketObjectv2": {
    rules: [
      { path: "key", checks: [len(1, 1024)], source: { doc: DOC("AmazonS3/latest/userguide/object-keys.html") } },
      { path: "kmsKeyId", checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")], source: { doc: DOC("AmazonS3/latest/API/API_PutObject.html") } },
      {
        path: "tags",
        checks: [
          {
            kind: "custom",
            what: "at most 10 tags",
            test: (v) =>
              v !== null && typeof v === "object" && Object.keys(v).length > 10
                ? `has ${Object.keys(v).length} tags; an S3 object takes at most 10`
                : undefined,
          },
        ],
        source: { doc: DOC("AmazonS3/latest/userguide/object-tagging.html") },
      },
      ...tagRules({ doc: DOC("AmazonS3/latest/userguide/object-tagging.html") }),
    ],
  },

  "aws:lambda/function:Function": {
    rules: [
      {
        path: "name",
        checks: [len(1, 64), formatCheck(/^[a-zA-Z0-9_-]+$/, "[a-zA-Z0-9-_]")],
        source: { tf: TF("lambda/validate.go", "validFunctionName"), doc: DOC("lambda/latest/api/API_CreateFunction.html") },
      },
      {
        path: "description",
        checks: [len(0, 256)],
        source: {
          tf: TF("lambda/function.go", "description (no validator: AWS refuses)"),
          doc: LAMBDA_DOC,
          model: LAMBDA_MODEL("Description", "{min: 0, max: 256}"),
        },
      },
      {
        path: "handler",
        checks: [len(1, 128), formatCheck(/^[^\s]+$/, String.raw`[^\s]+`)],
        source: {
          tf: TF("lambda/function.go", "handler StringLenBetween(1, 128)"),
          doc: LAMBDA_DOC,
          model: LAMBDA_MODEL("Handler", "{min: 0, max: 128, pattern: [^\\s]+}"),
        },
      },
      {
        path: "runtime",
        checks: [
          {
            kind: "oneOf",
            values: [
              "nodejs20.x",
              "nodejs22.x",
              "nodejs24.x",
              "python3.10",
              "python3.11",
              "python3.12",
              "python3.13",
              "python3.14",
              "java11",
              "java17",
              "java21",
              "java25",
              "dotnet8",
              "dotnet10",
              "ruby3.3",
              "ruby3.4",
              "provided.al2",
              "provided.al2023",
            ],
          },
        ],
        source: {
          tf: TF("lambda/function.go", "runtime enum.Validate[awstypes.Runtime] (every Runtime value, deprecated ones included)"),
          doc: DOC("lambda/latest/dg/lambda-runtimes.html") + " (runtimes a new function can use)",
          model: LAMBDA_MODEL("Runtime", "enum (every value listed here is in it; it also has deprecated runtimes and ruby4.0)"),
          unverified:
            "the subset a new function can still use comes from the runtimes page's deprecation table, which could not be read here (only its introduction); ruby4.0, in the API enum, is not listed and may be refused wrongly",
        },
      },
      {
        path: "memorySize",
        checks: [{ kind: "intRange", min: 128, max: 10240 }],
        source: {
          tf: TF("lambda/function.go", "memory_size IntBetween(128, 10240)"),
          doc: LAMBDA_DOC,
          model: LAMBDA_MODEL("MemorySize", "{min: 128, max: 32768} (the provider's 10240 is the stricter, binding limit)"),
        },
      },
      {
        path: "timeout",
        checks: [{ kind: "intRange", min: 1, max: 900 }],
        source: {
          tf: TF("lambda/function.go", "timeout IntBetween(1, 900)"),
          doc: LAMBDA_DOC + " (Timeout: maximum 900 seconds)",
          model: LAMBDA_MODEL("Timeout", "{min: 1}"),
        },
      },
      {
        path: "role",
        checks: [formatCheck(ARN.iamRole, "an IAM role ARN")],
        source: {
          tf: TF("lambda/function.go", "role verify.ValidARN"),
          doc: LAMBDA_DOC,
          model: LAMBDA_MODEL("Role", "{pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+}"),
        },
      },
      {
        path: "environment.variables.{key}",
        checks: [
          formatCheck(/^[a-zA-Z]([a-zA-Z0-9_])+$/, "[a-zA-Z]([a-zA-Z0-9_])+"),
          {
            kind: "custom",
            what: "not reserved",
            test: (v) => (typeof v === "string" && LAMBDA_RESERVED_ENV.includes(v) ? "is reserved by Lambda" : undefined),
          },
        ],
        source: {
          tf: TF("lambda/function.go", "environment.variables (TypeMap, no key validator: AWS refuses)"),
          doc: `${DOC("lambda/latest/api/API_Environment.html")}; ${DOC("lambda/latest/dg/configuration-envvars-runtime.html")}`,
          model: MODEL("lambda/2015-03-31", "Environment.Variables key EnvironmentVariableName", "{pattern: [a-zA-Z]([a-zA-Z0-9_])+}"),
          unverified:
            "the pattern is read from the API model; the reserved names are not: the AWS page that lists them could not be read here, the list matches copies of it (TZ, formerly reserved, is no longer)",
        },
      },
      {
        path: "environment.variables",
        checks: [
          {
            kind: "custom",
            what: "≤ 4 KB",
            test: (v) => (v !== null && typeof v === "object" && JSON.stringify(v).length > 4096 ? "environment variables exceed 4 KB" : undefined),
          },
        ],
        source: { doc: DOC("lambda/latest/dg/gettingstarted-limits.html") },
      },
      { path: "loggingConfig.logGroup", checks: LOG_GROUP_NAME, source: LOG_GROUP_SOURCE },
      {
        path: "loggingConfig.logFormat",
        checks: [{ kind: "oneOf", values: ["Text", "JSON"] }],
        source: { doc: DOC("lambda/latest/api/API_LoggingConfig.html") },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 64, source: { code: `${SOURCES.pulumiAutoName.code}; aws_lambda_function: AutoName("name", 64, "-")` } },
  },

  "aws:lambda/permission:Permission": {
    rules: [
      {
        path: "statementId",
        checks: [len(1, 100), formatCheck(/^[0-9A-Za-z_-]+$/, "[0-9A-Za-z_-]")],
        source: { tf: TF("lambda/validate.go", "validPolicyStatementID"), doc: DOC("lambda/latest/api/API_AddPermission.html") },
      },
      {
        path: "action",
        checks: [formatCheck(/^(?:lambda:[*]|lambda:[A-Za-z]+|[*])$/, "lambda:<Action>")],
        source: { tf: TF("lambda/validate.go", "validPermissionAction"), doc: DOC("lambda/latest/api/API_AddPermission.html") },
      },
      {
        path: "function",
        checks: [
          len(1, 140),
          formatCheck(/^(?:arn:[\w-]+:lambda:[a-z]{2}-(?:[a-z]+-){1,2}\d:\d{12}:function:)?[0-9A-Za-z_-]{1,64}$/, "a function name or ARN"),
        ],
        source: { tf: TF("lambda/validate.go", "validFunctionName"), doc: DOC("lambda/latest/api/API_AddPermission.html") },
      },
      {
        path: "principal",
        checks: [formatCheck(/^[^\s]+$/, String.raw`[^\s]+`)],
        source: { doc: DOC("lambda/latest/api/API_AddPermission.html") },
      },
      { path: "sourceArn", checks: [arnCheck()], source: { ...ARN_SOURCE, doc: DOC("lambda/latest/api/API_AddPermission.html") } },
    ],
    autoName: {
      field: "statementId",
      maxLength: 100,
      suppressedBy: ["statementIdPrefix"],
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_lambda_permission: AutoName("statementId", 100, "-")` },
    },
  },

  "aws:cloudwatch/eventRule:EventRule": {
    rules: [
      {
        path: "name",
        checks: [len(1, 64), formatCheck(/^[.\-_A-Za-z0-9]+$/, String.raw`[\.\-_A-Za-z0-9]`)],
        source: { tf: TF("events/validate.go", "validateRuleName"), doc: DOC("eventbridge/latest/APIReference/API_PutRule.html") },
      },
      {
        path: "description",
        checks: [len(0, 512)],
        source: {
          tf: TF("events/rule.go", "description StringLenBetween(0, 512)"),
          doc: DOC("eventbridge/latest/APIReference/API_PutRule.html"),
          model: MODEL("events/2015-10-07", "PutRuleRequest.Description", "{max: 512}"),
        },
      },
      {
        path: "eventPattern",
        checks: [EVENT_PATTERN_LENGTH],
        source: {
          tf: TF("events/rule.go", "event_pattern validateEventPatternValue (the re-marshalled, compact JSON, <>& unescaped, at most 4096)"),
          doc: DOC("eventbridge/latest/APIReference/API_PutRule.html"),
          model: MODEL("events/2015-10-07", "PutRuleRequest.EventPattern", "{max: 4096}"),
        },
      },
      {
        path: "eventPattern@json.resources[]",
        checks: [arnCheck()],
        source: { ...ARN_SOURCE, doc: DOC("eventbridge/latest/userguide/eb-event-patterns.html") },
      },
      ...tagRules(),
    ],
    autoName: {
      field: "name",
      maxLength: 64,
      suppressedBy: ["namePrefix"],
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_cloudwatch_event_rule: AutoName("name", 64, "-")` },
    },
  },

  "aws:cloudwatch/eventTarget:EventTarget": {
    rules: [
      {
        path: "targetId",
        checks: [len(1, 64), formatCheck(/^[.\-_A-Za-z0-9]+$/, String.raw`[\.\-_A-Za-z0-9]`)],
        source: { tf: TF("events/validate.go", "validateTargetID"), doc: DOC("eventbridge/latest/APIReference/API_Target.html") },
      },
      {
        path: "rule",
        checks: [len(1, 64), formatCheck(/^[.\-_A-Za-z0-9]+$/, String.raw`[\.\-_A-Za-z0-9]`)],
        source: { tf: TF("events/validate.go", "validateRuleName"), doc: DOC("eventbridge/latest/APIReference/API_PutTargets.html") },
      },
      { path: "arn", checks: [arnCheck()], source: { ...ARN_SOURCE, doc: DOC("eventbridge/latest/APIReference/API_Target.html") } },
      {
        path: "deadLetterConfig.arn",
        checks: [arnCheck(), len(1, 1600)],
        source: { ...ARN_SOURCE, doc: DOC("eventbridge/latest/APIReference/API_DeadLetterConfig.html") },
      },
      {
        path: "retryPolicy.maximumEventAgeInSeconds",
        checks: [{ kind: "intRange", min: 60, max: 86400 }],
        source: {
          tf: TF("events/target.go", "maximum_event_age_in_seconds IntBetween(60, 86400)"),
          doc: DOC("eventbridge/latest/APIReference/API_RetryPolicy.html"),
        },
      },
      {
        path: "retryPolicy.maximumRetryAttempts",
        checks: [{ kind: "intRange", min: 0, max: 185 }],
        source: {
          tf: TF("events/target.go", "maximum_retry_attempts IntBetween(0, 185)"),
          doc: DOC("eventbridge/latest/APIReference/API_RetryPolicy.html"),
        },
      },
    ],
    // pulumi-aws allows 255 here, AWS 64: a long logical name passes Pulumi and fails at PutTargets.
    autoName: {
      field: "targetId",
      maxLength: 255,
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_cloudwatch_event_target: AutoName("targetId", 255, "-")` },
    },
  },

  "aws:scheduler/schedule:Schedule": {
    rules: [
      {
        path: "name",
        checks: [len(1, 64), formatCheck(/^[0-9A-Za-z_.-]+$/, "[0-9A-Za-z_.-]")],
        source: {
          tf: TF("scheduler/schedule.go", "name StringLenBetween(1, 64), StringMatch(^[0-9A-Za-z_.-]+$)"),
          doc: DOC("scheduler/latest/APIReference/API_CreateSchedule.html"),
        },
      },
      {
        path: "description",
        checks: [len(0, 512)],
        source: {
          tf: TF("scheduler/schedule.go", "description StringLenBetween(0, 512)"),
          doc: DOC("scheduler/latest/APIReference/API_CreateSchedule.html"),
        },
      },
      {
        path: "scheduleExpression",
        checks: [len(1, 256), formatCheck(/^(?:cron|rate|at)\(.+\)$/, "cron(...), rate(...) or at(...)")],
        source: {
          tf: TF("scheduler/schedule.go", "schedule_expression StringLenBetween(1, 256)"),
          doc: `${DOC("scheduler/latest/APIReference/API_CreateSchedule.html")}; ${DOC("scheduler/latest/UserGuide/schedule-types.html")}`,
        },
      },
      {
        path: "scheduleExpressionTimezone",
        checks: [len(1, 50)],
        source: {
          tf: TF("scheduler/schedule.go", "schedule_expression_timezone StringLenBetween(1, 50)"),
          doc: DOC("scheduler/latest/APIReference/API_CreateSchedule.html"),
        },
      },
      {
        path: "flexibleTimeWindow.mode",
        checks: [{ kind: "oneOf", values: ["OFF", "FLEXIBLE"] }],
        source: {
          tf: TF("scheduler/schedule.go", "flexible_time_window.mode enum FlexibleTimeWindowMode"),
          doc: DOC("scheduler/latest/APIReference/API_FlexibleTimeWindow.html"),
        },
      },
      {
        path: "flexibleTimeWindow.maximumWindowInMinutes",
        checks: [{ kind: "intRange", min: 1, max: 1440 }],
        source: {
          tf: TF("scheduler/schedule.go", "flexible_time_window.maximum_window_in_minutes IntBetween(1, 1440)"),
          doc: DOC("scheduler/latest/APIReference/API_FlexibleTimeWindow.html"),
        },
      },
      {
        path: "state",
        checks: [{ kind: "oneOf", values: ["ENABLED", "DISABLED"] }],
        source: { tf: TF("scheduler/schedule.go", "state enum ScheduleState"), doc: DOC("scheduler/latest/APIReference/API_CreateSchedule.html") },
      },
      {
        path: "target.arn",
        checks: [formatCheck(ARN.ecsCluster, "an ECS cluster ARN")],
        source: { ...ARN_SOURCE, doc: DOC("scheduler/latest/APIReference/API_Target.html") },
      },
      {
        path: "target.roleArn",
        checks: [formatCheck(ARN.iamRole, "an IAM role ARN")],
        source: { ...ARN_SOURCE, doc: DOC("scheduler/latest/APIReference/API_Target.html") },
      },
      {
        path: "target.ecsParameters.taskDefinitionArn",
        checks: [arnCheck()],
        source: { ...ARN_SOURCE, doc: DOC("scheduler/latest/APIReference/API_EcsParameters.html") },
      },
      {
        path: "target.ecsParameters.taskCount",
        checks: [{ kind: "intRange", min: 1, max: 10 }],
        source: {
          tf: TF("scheduler/schedule.go", "ecs_parameters.task_count IntBetween(0, 10)"),
          doc: DOC("scheduler/latest/APIReference/API_EcsParameters.html") + " (TaskCount: 1 to 10)",
        },
      },
      {
        path: "target.ecsParameters.launchType",
        checks: [{ kind: "oneOf", values: ["EC2", "FARGATE", "EXTERNAL"] }],
        source: {
          tf: TF("scheduler/schedule.go", "ecs_parameters.launch_type enum LaunchType"),
          doc: DOC("scheduler/latest/APIReference/API_EcsParameters.html"),
        },
      },
      {
        path: "target.ecsParameters.propagateTags",
        checks: [{ kind: "oneOf", values: ["TASK_DEFINITION"] }],
        source: {
          tf: TF("scheduler/schedule.go", "ecs_parameters.propagate_tags enum PropagateTags"),
          doc: DOC("scheduler/latest/APIReference/API_EcsParameters.html"),
        },
      },
      {
        path: "target.retryPolicy.maximumRetryAttempts",
        checks: [{ kind: "intRange", min: 0, max: 185 }],
        source: {
          tf: TF("scheduler/schedule.go", "retry_policy.maximum_retry_attempts IntBetween(0, 185)"),
          doc: DOC("scheduler/latest/APIReference/API_RetryPolicy.html"),
        },
      },
      {
        path: "target.retryPolicy.maximumEventAgeInSeconds",
        checks: [{ kind: "intRange", min: 60, max: 86400 }],
        source: {
          tf: TF("scheduler/schedule.go", "retry_policy.maximum_event_age_in_seconds IntBetween(60, 86400)"),
          doc: DOC("scheduler/latest/APIReference/API_RetryPolicy.html"),
        },
      },
      {
        path: "target.deadLetterConfig.arn",
        checks: [formatCheck(/^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9_-]+$/, "an SQS queue ARN"), len(1, 1600)],
        source: {
          doc: `${DOC("AWSCloudFormation/latest/UserGuide/aws-properties-scheduler-schedule-deadletterconfig.html")} (Arn: pattern ^arn:aws[a-z-]*:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+$, length 1 to 1600); ${DOC("scheduler/latest/UserGuide/configuring-schedule-dlq.html")} (a standard queue: no FIFO)`,
        },
      },
    ],
    // pulumi-aws allows 255 here, AWS 64: the name rule above catches a logical name too long for 64.
    autoName: { field: "name", maxLength: 255, suppressedBy: ["namePrefix"], source: SOURCES.pulumiAutoName },
  },
  "aws:sqs/queue:Queue": {
    rules: [
      {
        path: "name",
        checks: [len(1, 80), formatCheck(/^[a-zA-Z0-9_-]+$/, "[a-zA-Z0-9_-] (a FIFO queue ends in .fifo; ours are standard)")],
        source: {
          tf: TF("sqs/queue.go", "name: validation in resourceQueueCustomizeDiff (1..80 [0-9A-Za-z_-], .fifo for FIFO)"),
          doc: DOC("AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html"),
        },
      },
      {
        path: "messageRetentionSeconds",
        checks: [{ kind: "intRange", min: 60, max: 1209600 }],
        source: {
          tf: TF("sqs/attribute_funcs.go", "message_retention_seconds IntBetween(60, 1209600)"),
          doc: DOC("AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html"),
        },
      },
      {
        path: "kmsMasterKeyId",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: {
          doc:
            DOC("AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html") +
            " (KmsMasterKeyId: a key id, ARN or alias; ours is the key's ARN)",
        },
      },
      ...tagRules({ doc: DOC("AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-tags.html") }),
    ],
    autoName: {
      field: "name",
      maxLength: 80,
      suppressedBy: ["namePrefix"],
      source: {
        code: `${SOURCES.pulumiAutoName.code}; aws_sqs_queue: AutoName("name", 80, "-")`,
        unverified: "the 80 is SQS's own limit; pulumi-aws' override for aws_sqs_queue was not read at its source",
      },
    },
  },
  "aws:sqs/queuePolicy:QueuePolicy": {
    rules: [
      ...policyDocumentRules("policy", 8192, {
        doc: DOC("AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-policies.html") + " (a queue policy is at most 8,192 bytes)",
      }),
      {
        path: "queueUrl",
        checks: [formatCheck(/^https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/\d{12}\/[A-Za-z0-9_-]{1,80}(?:\.fifo)?$/, "a queue URL")],
        source: { doc: DOC("AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html") },
      },
    ],
  },
  "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": {
    rules: [
      {
        path: "maximumRetryAttempts",
        checks: [{ kind: "intRange", min: 0, max: 2 }],
        source: {
          tf: TF("lambda/function_event_invoke_config.go", "maximum_retry_attempts IntBetween(0, 2)"),
          doc: DOC("lambda/latest/api/API_PutFunctionEventInvokeConfig.html"),
        },
      },
      {
        path: "maximumEventAgeInSeconds",
        checks: [{ kind: "intRange", min: 60, max: 21600 }],
        source: {
          tf: TF("lambda/function_event_invoke_config.go", "maximum_event_age_in_seconds IntBetween(60, 21600)"),
          doc: DOC("lambda/latest/api/API_PutFunctionEventInvokeConfig.html"),
        },
      },
      {
        path: "destinationConfig.onFailure.destination",
        checks: [arnCheck(), len(0, 350)],
        source: { ...ARN_SOURCE, doc: DOC("lambda/latest/api/API_OnFailure.html") },
      },
    ],
  },
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    rules: [
      {
        path: "name",
        checks: [len(1, 255)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "alarm_name StringLenBetween(1, 255)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "alarmDescription",
        checks: [len(0, 1024)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "alarm_description StringLenBetween(0, 1024)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "comparisonOperator",
        checks: [
          {
            kind: "oneOf",
            values: [
              "GreaterThanOrEqualToThreshold",
              "GreaterThanThreshold",
              "LessThanThreshold",
              "LessThanOrEqualToThreshold",
              "LessThanLowerOrGreaterThanUpperThreshold",
              "LessThanLowerThreshold",
              "GreaterThanUpperThreshold",
            ],
          },
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "comparison_operator StringInSlice(types.ComparisonOperator)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "treatMissingData",
        checks: [{ kind: "oneOf", values: ["breaching", "notBreaching", "ignore", "missing"] }],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "treat_missing_data StringInSlice(missingData*)"),
          doc: DOC("AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data"),
        },
      },
      {
        path: "statistic",
        checks: [{ kind: "oneOf", values: ["SampleCount", "Average", "Sum", "Minimum", "Maximum"] }],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "statistic StringInSlice(types.Statistic)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "period",
        checks: [
          {
            kind: "custom",
            what: "10, 20, 30 or a multiple of 60 seconds",
            test: (v) =>
              typeof v === "number" && ([10, 20, 30].includes(v) || (v >= 60 && v % 60 === 0))
                ? undefined
                : "is not 10, 20, 30 or a multiple of 60",
          },
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "period validMetricAlarmPeriod (10, 20, 30 or a multiple of 60)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "evaluationPeriods",
        checks: [{ kind: "intRange", min: 1, max: 1000000 }],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "evaluation_periods IntAtLeast(1)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "namespace",
        checks: [len(1, 255), formatCheck(/^[^:].*$/, "not starting with `:`")],
        source: {
          tf: TF("cloudwatch/validate.go", "validDashboardName / namespace StringLenBetween(1, 255), [^:].*"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "metricName",
        checks: [len(1, 255)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_name StringLenBetween(1, 255)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "alarmActions[]",
        checks: [arnCheck()],
        source: { ...ARN_SOURCE, doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html") },
      },
      {
        path: "okActions[]",
        checks: [arnCheck()],
        source: { ...ARN_SOURCE, doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html") },
      },
      {
        path: "alarmActions",
        checks: [
          {
            kind: "custom",
            what: "at most 5 actions",
            test: (v) => (Array.isArray(v) && v.length > 5 ? `${v.length} actions: at most 5` : undefined),
          },
        ],
        source: { doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html") + " (AlarmActions: maximum number of 5 items)" },
      },
      {
        path: "okActions",
        checks: [
          {
            kind: "custom",
            what: "at most 5 actions",
            test: (v) => (Array.isArray(v) && v.length > 5 ? `${v.length} actions: at most 5` : undefined),
          },
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "ok_actions MaxItems: 5"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "datapointsToAlarm",
        checks: [{ kind: "intRange", min: 1, max: 1000000 }],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "datapoints_to_alarm IntAtLeast(1)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "metricQueries",
        checks: [METRIC_QUERIES],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query ConflictsWith metric_name; CustomizeDiff: no query with both expression and metric"),
          doc:
            DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html") +
            " (Metrics: one item has ReturnData true, the expression the alarm watches)",
        },
      },
      {
        path: "metricQueries[].id",
        checks: [len(1, 255), formatCheck(/^[a-z][A-Za-z0-9_]*$/, "a lowercase letter, then letters, digits and _")],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.id StringLenBetween(1, 255)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html") + " (Id: the first character must be a lowercase letter)",
        },
      },
      {
        path: "metricQueries[].expression",
        checks: [len(1, 1024)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.expression StringLenBetween(1, 1024)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html"),
        },
      },
      {
        path: "metricQueries[].metric.metricName",
        checks: [len(1, 255)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.metric.metric_name StringLenBetween(1, 255)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_Metric.html"),
        },
      },
      {
        path: "metricQueries[].metric.namespace",
        checks: [len(1, 255), formatCheck(/^[^:].*$/, "not starting with `:`")],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.metric.namespace StringLenBetween(1, 255), [^:].*"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_Metric.html"),
        },
      },
      {
        path: "metricQueries[].metric.period",
        checks: [
          {
            kind: "custom",
            what: "1, 5, 10, 20, 30 or a multiple of 60 seconds",
            test: (v) =>
              typeof v === "number" && ([1, 5, 10, 20, 30].includes(v) || (v >= 60 && v % 60 === 0))
                ? undefined
                : "is not 1, 5, 10, 20, 30 or a multiple of 60",
          },
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.metric.period IntInSlice(1, 5, 10, 20, 30) or IntDivisibleBy(60)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_MetricStat.html"),
        },
      },
      {
        path: "metricQueries[].metric.stat",
        checks: [
          formatCheck(
            /^(?:SampleCount|Average|Sum|Minimum|Maximum|p\d{1,2}(?:\.\d{1,2})?|p100)$/,
            "a statistic (SampleCount, Average, Sum, Minimum, Maximum) or a percentile pNN",
          ),
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.metric.stat enum types.Statistic or the extended-statistic pattern"),
          doc: DOC("AmazonCloudWatch/latest/monitoring/Statistics-definitions.html"),
        },
      },
      ...tagRules({ doc: DOC("AmazonCloudWatch/latest/APIReference/API_TagResource.html") }),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:cloudwatch/dashboard:Dashboard": {
    rules: [
      {
        path: "dashboardName",
        checks: [len(1, 255), formatCheck(/^[0-9A-Za-z_-]+$/, "[0-9A-Za-z_-]")],
        source: {
          tf: TF("cloudwatch/validate.go", "validDashboardName (at most 255, ^[0-9A-Za-z_-]+$)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutDashboard.html"),
        },
      },
      {
        path: "dashboardBody",
        checks: [DASHBOARD_BODY],
        source: {
          tf: TF("cloudwatch/dashboard.go", "dashboard_body validation.StringIsJSON (structure unchecked)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html"),
        },
      },
    ],
  },
  "aws:sns/topic:Topic": {
    rules: [
      {
        path: "name",
        checks: [len(1, 256), formatCheck(/^[0-9A-Za-z_-]+$/, "[0-9A-Za-z_-] (a standard topic)")],
        source: { tf: TF("sns/topic.go", "name: 1-256 of [0-9A-Za-z_-] for a standard topic"), doc: DOC("sns/latest/api/API_CreateTopic.html") },
      },
      {
        path: "kmsMasterKeyId",
        checks: [arnCheck()],
        source: {
          ...ARN_SOURCE,
          doc: DOC("sns/latest/api/API_SetTopicAttributes.html") + " (KmsMasterKeyId: a key ID, alias or ARN; the project passes the ARN)",
        },
      },
      ...tagRules({ doc: DOC("sns/latest/api/API_TagResource.html") }),
    ],
    autoName: { field: "name", maxLength: 256, source: SOURCES.pulumiAutoName },
  },
  "aws:sns/topicPolicy:TopicPolicy": {
    rules: [
      { path: "arn", checks: [arnCheck()], source: { ...ARN_SOURCE, doc: DOC("sns/latest/api/API_SetTopicAttributes.html") } },
      ...policyDocumentRules("policy", 30 * 1024, {
        doc:
          DOC("sns/latest/dg/sns-access-policy-language-api-permissions-reference.html") + " (policy quotas: 30 KB, one topic, a unique policy Id)",
      }),
    ],
  },
  "aws:sns/topicSubscription:TopicSubscription": {
    rules: [
      {
        path: "topic",
        checks: [arnCheck()],
        source: { tf: TF("sns/topic_subscription.go", "topic_arn verify.ValidARN"), doc: DOC("sns/latest/api/API_Subscribe.html") },
      },
      {
        path: "protocol",
        checks: [{ kind: "oneOf", values: ["application", "email", "email-json", "firehose", "http", "https", "lambda", "sms", "sqs"] }],
        source: {
          tf: TF("sns/topic_subscription.go", "protocol StringInSlice(subscriptionProtocol_Values())"),
          doc: DOC("sns/latest/api/API_Subscribe.html"),
        },
      },
      {
        path: "endpoint",
        checks: [formatCheck(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "a mail address (the project subscribes by email only)")],
        source: { doc: DOC("sns/latest/api/API_Subscribe.html") + " (Endpoint: for the email protocol, an email address)" },
      },
    ],
  },
  "aws:s3/bucketLogging:BucketLogging": {
    rules: [
      {
        path: "targetPrefix",
        checks: [len(0, 1024)],
        source: { doc: DOC("AmazonS3/latest/API/API_LoggingEnabled.html") + " (a key prefix: object keys are at most 1,024 bytes)" },
      },
    ],
  },
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": {
    rules: [
      {
        path: "rules[].id",
        checks: [len(1, 255)],
        source: {
          tf: TF("s3/bucket_lifecycle_configuration.go", "rule.id StringLenBetween(1, 255)"),
          doc: DOC("AmazonS3/latest/API/API_LifecycleRule.html"),
        },
      },
      {
        path: "rules[].status",
        checks: [{ kind: "oneOf", values: ["Enabled", "Disabled"] }],
        source: { doc: DOC("AmazonS3/latest/API/API_LifecycleRule.html") },
      },
      {
        path: "rules[].expiration.days",
        checks: [{ kind: "intRange", min: 1, max: 2147483647 }],
        source: { doc: DOC("AmazonS3/latest/API/API_LifecycleExpiration.html") + " (Days: a non-zero positive integer)" },
      },
    ],
  },

  "aws:dynamodb/table:Table": {
    rules: [
      {
        path: "name",
        checks: [len(3, 255), formatCheck(/^[a-zA-Z0-9_.-]+$/, "[a-zA-Z0-9_.-]")],
        source: {
          tf: `${TF("dynamodb/table.go", "name (no ValidateFunc: AWS refuses)")}; ${TF("dynamodb/validate.go", "validGlobalTableName (the same 3..255 [0-9A-Za-z_.-] rule, for global tables)")}`,
          doc: `${DOC("amazondynamodb/latest/APIReference/API_CreateTable.html")}; ${DOC("amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html")}`,
          model: MODEL(
            "dynamodb/2012-08-10",
            "TableName shape",
            "{min: 3, max: 255, pattern: [a-zA-Z0-9_.-]+} (CreateTable's TableName now also takes a table ARN, 1..1024)",
          ),
        },
      },
      {
        path: "attributes[].name",
        checks: [len(1, 255)],
        source: {
          doc: DOC("amazondynamodb/latest/APIReference/API_AttributeDefinition.html"),
          model: MODEL("dynamodb/2012-08-10", "AttributeDefinition.AttributeName", "{min: 1, max: 255}"),
        },
      },
      {
        path: "attributes[].type",
        checks: [{ kind: "oneOf", values: ["S", "N", "B"] }],
        source: { doc: DOC("amazondynamodb/latest/APIReference/API_AttributeDefinition.html") },
      },
      {
        path: "billingMode",
        checks: [{ kind: "oneOf", values: ["PROVISIONED", "PAY_PER_REQUEST"] }],
        source: { doc: DOC("amazondynamodb/latest/APIReference/API_CreateTable.html") },
      },
      ...tagRules({ doc: DOC("amazondynamodb/latest/developerguide/Tagging.html") }),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  // The stack's network: awsx components. Under mocks they are single remote components; on `pulumi up` the awsx
  // provider creates the children below from `twitterstream-vpc` (names and tags it derives, not ours).
  "awsx:ec2:DefaultVpc": { rules: [], note: "awsx component: looks up the default VPC, creates nothing" },
  "awsx:ec2:Vpc": {
    rules: [
      {
        path: "numberOfAvailabilityZones",
        checks: [{ kind: "intRange", min: 1, max: 6 }],
        source: { doc: "https://www.pulumi.com/registry/packages/awsx/api-docs/ec2/vpc/" },
      },
    ],
    note: "awsx component; its children are listed below so that a direct use of them is checked too",
  },
  "aws:ec2/vpc:Vpc": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },
  "aws:ec2/subnet:Subnet": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },
  "aws:ec2/routeTable:RouteTable": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },
  "aws:ec2/routeTableAssociation:RouteTableAssociation": { rules: [], note: "ids only" },
  "aws:ec2/route:Route": { rules: [], note: "ids and CIDRs only" },
  "aws:ec2/internetGateway:InternetGateway": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },
  "aws:ec2/natGateway:NatGateway": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },
  "aws:ec2/eip:Eip": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },
};
