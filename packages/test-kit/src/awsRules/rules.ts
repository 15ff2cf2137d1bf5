/**
 * The vocabulary of the AWS input-rule table: what a rule checks, where its source is, and the reusable checks
 * (character classes, ARN formats) that several resource types share. Data only; `check.ts` applies it.
 */

/** Where a rule comes from: a terraform-provider-aws validator, an AWS reference page, a Pulumi source file. */
export interface Source {
  /** terraform-provider-aws, as `internal/service/<svc>/<file>.go` / `<function or schema field>`. */
  tf?: string;
  /** AWS API or user-guide page. */
  doc?: string;
  /** pulumi-aws / pulumi-terraform-bridge / other source file. */
  code?: string;
  /**
   * AWS's own API model, the data the API reference pages are generated from: botocore
   * `data/<service>/<version>/service-2.json`, as `<service> <Shape>.<member> {min, max, pattern, enum}`.
   */
  model?: string;
  /** What could not be checked at the source, and why. The rule stays; treat it as a best guess. */
  unverified?: string;
}

/** One check on one value. A value that fails gets one violation per failing check. */
export type Check =
  /** The whole string must match (the pattern is anchored by the checker). `what` names it in messages. */
  | { kind: "pattern"; pattern: RegExp; what: string; chars?: RegExp }
  /** Length in UTF-16 code units (what the AWS docs count for these ASCII-heavy fields). */
  | { kind: "length"; min: number; max: number }
  /** The value is one of these. */
  | { kind: "oneOf"; values: readonly (string | number)[] }
  /** An integer in this range. */
  | { kind: "intRange"; min: number; max: number }
  /** Anything else: returns a problem description, or undefined when the value is fine. */
  | { kind: "custom"; what: string; test: (value: unknown) => string | undefined };

/**
 * One rule: a field path and its checks.
 *
 * Path syntax (dots between steps):
 * - `name` an object field; `a.b` nested fields;
 * - `egress[]` every element of an array (`egress[0]`, `egress[1]`, ... in messages);
 * - `Resource[]?` every element when an array, the value itself when not (IAM `Resource`, `Action`);
 * - `tags.{key}` every key of a map; `tags.*` every value of a map;
 * - `policy@json` the field is a JSON string: parse it, then continue (an unparsable value is a violation);
 * - `` (empty) the resource's whole inputs, for a rule that ties fields together (a DynamoDB table's key attributes).
 */
export interface Rule {
  path: string;
  checks: readonly Check[];
  source: Source;
}

/** How Pulumi names a field the program leaves unset: `<logical name>-<7 hex chars>`, at most `maxLength` long. */
export interface AutoName {
  /** The input property Pulumi fills in (Pulumi name, e.g. `name`, `targetId`, `statementId`). */
  field: string;
  /** pulumi-aws' maximum for the generated name; longer logical names fail `pulumi up` before AWS is called. */
  maxLength: number;
  /** Inputs that, when set, stop Pulumi from auto-naming (`ConflictsWith` in the TF schema, e.g. `namePrefix`). */
  suppressedBy?: readonly string[];
  source: Source;
}

/** Everything the table knows about one resource type. */
export interface ResourceRules {
  /** Field rules. Empty (with `note`) for a type whose inputs have no string rules we check. */
  rules: readonly Rule[];
  autoName?: AutoName;
  /** Why the entry is empty or partial. */
  note?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------------------------------------------

/** A terraform-provider-aws source: `internal/service/<file> / <function or attribute>`. */
export const TF = (file: string, fn: string): string => `internal/service/${file} / ${fn}`;

/** An AWS documentation page, by its path under https://docs.aws.amazon.com/. */
export const DOC = (path: string): string => `https://docs.aws.amazon.com/${path}`;

/** AWS's API model as botocore ships it (botocore 1.43.11 was read): `<service> <Shape>.<member> <constraints>`. */
export const MODEL = (service: string, member: string, constraints: string): string =>
  `botocore data/${service}/service-2.json ${member} ${constraints}`;

/** A length between `min` and `max`. */
export const len = (min: number, max: number): Check => ({ kind: "length", min, max });

/** A TCP or UDP port number. */
export const PORT: Check = { kind: "intRange", min: 1, max: 65535 };

const PARTITION = String.raw`aws(?:-cn|-us-gov|-iso[a-z]?)?`;
const REGION = String.raw`[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d`;
const ACCOUNT = String.raw`\d{12}`;

/** pulumi-terraform-bridge `AutoName`: the 7 random hex characters Pulumi appends after a `-`. */
export const AUTO_NAME_SUFFIX = "-abcdefg";

export const SOURCES = {
  pulumiAutoName: {
    code:
      'pulumi-aws provider/autonaming.go setAutonaming (AutoName(name, 255, "-")) and provider/resources.go overrides; ' +
      "pulumi-terraform-bridge pkg/tfbridge/info/autonaming.go AutoName (Randlen 7) -> pulumi sdk/go/common/resource NewUniqueHex",
  },
  tags: {
    doc: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html (and the same rule in API_TagResource of each service)",
  },
} satisfies Record<string, Source>;

/** Tag keys and values: the common AWS tagging rule. */
export function tagRules(source: Source = SOURCES.tags): Rule[] {
  const chars = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
  const notAws: Check = {
    kind: "custom",
    what: "no aws: prefix",
    test: (v) => (typeof v === "string" && /^aws:/i.test(v) ? "the `aws:` prefix is reserved for AWS" : undefined),
  };
  const tagChars: Check = { kind: "pattern", pattern: chars, what: String.raw`[\p{L}\p{Z}\p{N}_.:/=+\-@]`, chars: /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u };
  return [
    { path: "tags.{key}", checks: [{ kind: "length", min: 1, max: 128 }, tagChars, notAws], source },
    { path: "tags.*", checks: [{ kind: "length", min: 0, max: 256 }, tagChars, notAws], source },
  ];
}

/** The EC2 character class of security group names, descriptions and rule descriptions. */
export const EC2_SG_TEXT: Check = {
  kind: "pattern",
  pattern: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/,
  what: "a-zA-Z0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
  chars: /[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/,
};

/** Names that are only letters, digits, `_` and `-` (ECS family, container, cluster and service names). */
export const ECS_NAME: Check = { kind: "pattern", pattern: /^[A-Za-z0-9_-]+$/, what: "[a-zA-Z0-9_-]", chars: /[A-Za-z0-9_-]/ };

/** CloudWatch Logs group name. */
export const LOG_GROUP_NAME: readonly Check[] = [
  { kind: "length", min: 1, max: 512 },
  { kind: "pattern", pattern: /^[.\-_/#A-Za-z0-9]+$/, what: String.raw`[\.\-_/#A-Za-z0-9]`, chars: /[.\-_/#A-Za-z0-9]/ },
];
export const LOG_GROUP_SOURCE: Source = {
  tf: "internal/service/logs/validate.go / validLogGroupName",
  doc: "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html",
};

/** IAM role / policy names. */
export const IAM_NAME_CHARS: Check = { kind: "pattern", pattern: /^[\w+=,.@-]+$/, what: String.raw`[\w+=,.@-]`, chars: /[\w+=,.@-]/ };

/** ARN formats, one per service the component builds or reads ARNs of. */
export const ARN = {
  /** `arn:aws:secretsmanager:region:account:secret:<name>-<6 random chars>`. */
  secretsManagerSecret: new RegExp(
    String.raw`^arn:${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[A-Za-z0-9/_+=.@-]{1,512}-[A-Za-z0-9]{6}$`,
  ),
  /** ECS `valueFrom` of a Secrets Manager secret: the ARN, optionally `:<json-key>:<version-stage>:<version-id>`. */
  secretsManagerValueFrom: new RegExp(
    String.raw`^arn:${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[A-Za-z0-9/_+=.@-]{1,512}-[A-Za-z0-9]{6}(?::[^:]*:(?:[^:]{1,256})?:(?:[A-Za-z0-9-]{32,64})?)?$`,
  ),
  /** `arn:aws:ssm:region:account:parameter/<name without its leading slash>[:version|:label]`. */
  ssmParameter: new RegExp(String.raw`^arn:${PARTITION}:ssm:${REGION}:${ACCOUNT}:parameter/[A-Za-z0-9_.\-/]{1,2048}(?::[A-Za-z0-9_.\-]{1,100})?$`),
  /** `arn:aws:s3:::<bucket>/<key>`. */
  s3Object: new RegExp(String.raw`^arn:${PARTITION}:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/.{1,1024}$`),
  /** `arn:aws:s3:::<bucket>`. */
  s3Bucket: new RegExp(String.raw`^arn:${PARTITION}:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`),
  /**
   * `arn:aws:kms:region:account:key/<key id>`. Real key ids are UUIDs or `mrk-<32 hex>` (terraform-provider-aws
   * internal/service/kms/validate.go keyIDResourceRegex: `^key/(<UUID>|mrk-[0-9a-f]{32})$`). The id part here is
   * deliberately looser, `[A-Za-z0-9-]+`, because the test scenarios use fake ids (the component's src/testing fakeId: 32 hex, and
   * `key/caller`, `key/ssm-key` in component.test.ts / delivery.test.ts) — see README.
   */
  kmsKey: new RegExp(String.raw`^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:key/[A-Za-z0-9-]+$`),
  /** `arn:aws:logs:region:account:log-group:<name>[:*|:log-stream:<name or *>]`. */
  logGroup: new RegExp(
    String.raw`^arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:[.\-_/#A-Za-z0-9]{1,512}(?::\*|:log-stream:(?:\*|[^:*]{1,512}))?$`,
  ),
  iamRole: new RegExp(String.raw`^arn:${PARTITION}:iam::${ACCOUNT}:role/(?:[\u0021-\u007E]*/)?[\w+=,.@-]{1,64}$`),
  ecrRepository: new RegExp(String.raw`^arn:${PARTITION}:ecr:${REGION}:${ACCOUNT}:repository/[a-z0-9._/-]{2,256}$`),
  ecsCluster: new RegExp(String.raw`^arn:${PARTITION}:ecs:${REGION}:${ACCOUNT}:cluster/[A-Za-z0-9_-]{1,255}$`),
  ecsService: new RegExp(String.raw`^arn:${PARTITION}:ecs:${REGION}:${ACCOUNT}:service/(?:[A-Za-z0-9_-]{1,255}/)?[A-Za-z0-9_-]{1,255}$`),
  lambdaFunction: new RegExp(
    String.raw`^arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:[A-Za-z0-9_-]{1,64}(?::(?:\$LATEST|[A-Za-z0-9_-]+))?$`,
  ),
  eventsRule: new RegExp(String.raw`^arn:${PARTITION}:events:${REGION}:${ACCOUNT}:rule/(?:[/.\-_A-Za-z0-9]+/)?[.\-_A-Za-z0-9]{1,64}$`),
  dynamodbTable: new RegExp(String.raw`^arn:${PARTITION}:dynamodb:${REGION}:${ACCOUNT}:table/[A-Za-z0-9_.-]{3,255}(?:/.*)?$`),
  /** `arn:aws:elasticloadbalancing:region:account:loadbalancer/app/<name>/<id>` (or `net/` for an NLB). */
  loadBalancer: new RegExp(
    String.raw`^arn:${PARTITION}:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/(?:app|net)/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}$`,
  ),
  /** `arn:aws:elasticloadbalancing:region:account:targetgroup/<name>/<id>`. */
  targetGroup: new RegExp(String.raw`^arn:${PARTITION}:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}$`),
  /** `arn:aws:acm:region:account:certificate/<id>`. */
  acmCertificate: new RegExp(String.raw`^arn:${PARTITION}:acm:${REGION}:${ACCOUNT}:certificate/[A-Za-z0-9-]+$`),
  /** `arn:aws:elasticfilesystem:region:account:file-system/fs-...` (EFS API FileSystemArn). */
  efsFileSystem: new RegExp(String.raw`^arn:${PARTITION}:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-[0-9a-f]{8,40}$`),
  /** `arn:aws:elasticfilesystem:region:account:access-point/fsap-...` (EFS API AccessPointArn). */
  efsAccessPoint: new RegExp(String.raw`^arn:${PARTITION}:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/fsap-[0-9a-f]{8,40}$`),
  /** Any ARN: `arn:partition:service:region:account:resource`. */
  any: /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12}|aws)?:.+$/,
} as const;

export const ARN_SOURCE: Source = {
  tf: "internal/verify/validate.go / ValidARN",
  doc: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html",
};

/** The service-specific ARN format an ARN must have, chosen by its service (and resource type). */
export function arnProblem(value: unknown, allowWildcards: boolean): string | undefined {
  if (typeof value !== "string") return `expected an ARN string, got ${JSON.stringify(value)}`;
  if (allowWildcards && value === "*") return undefined;
  if (!ARN.any.test(value)) return "not an ARN (arn:partition:service:region:account:resource)";
  // Wildcards are legal in IAM policy resources: check the shape of the part before the first one only.
  if (allowWildcards && value.includes("*")) return undefined;
  const service = value.split(":")[2];
  const formats: Record<string, RegExp[]> = {
    secretsmanager: [ARN.secretsManagerSecret],
    ssm: [ARN.ssmParameter],
    s3: [ARN.s3Object, ARN.s3Bucket],
    kms: [ARN.kmsKey],
    logs: [ARN.logGroup],
    iam: [ARN.iamRole, /^arn:[a-z-]+:iam::\d{12}:root$/],
    ecr: [ARN.ecrRepository],
    ecs: [
      ARN.ecsCluster,
      ARN.ecsService,
      new RegExp(String.raw`^arn:${PARTITION}:ecs:${REGION}:${ACCOUNT}:task-definition/[A-Za-z0-9_-]{1,255}:\d+$`),
    ],
    lambda: [ARN.lambdaFunction],
    events: [ARN.eventsRule],
    dynamodb: [ARN.dynamodbTable],
    elasticfilesystem: [ARN.efsFileSystem, ARN.efsAccessPoint],
  };
  const accepted = service === undefined ? undefined : formats[service];
  if (accepted === undefined || accepted.some((re) => re.test(value))) return undefined;
  return `not a ${service} ARN of the documented format (${accepted.map((re) => re.source).join(" or ")})`;
}

export const arnCheck = (allowWildcards = false): Check => ({
  kind: "custom",
  what: allowWildcards ? "ARN or *" : "ARN",
  test: (v) => arnProblem(v, allowWildcards),
});

export const formatCheck = (pattern: RegExp, what: string): Check => ({ kind: "pattern", pattern, what });

/**
 * Docker image references (`[registry/]path[:tag][@digest]`), after distribution/reference's grammar: lower-case path
 * components, tag `[\w][\w.-]{0,127}`, digest `algorithm:hex{32,}`.
 */
const DOMAIN = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?`;
const PATH_COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`;
export const DOCKER_REFERENCE = new RegExp(
  String.raw`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);
export const DOCKER_SOURCE: Source = {
  code: "github.com/distribution/reference regexp.go (ReferenceRegexp; tag [\\w][\\w.-]{0,127})",
  doc: "https://docs.docker.com/reference/cli/docker/image/tag/",
};
