/**
 * What the controls that peers' rule suites run (Security Hub, AWS Config, cdk-nag) and the pack's first list did not
 * would flag: TLS-only resource policies on S3 and SQS, S3 versioning and KMS, Lambda runtime, concurrency and
 * permissions, DynamoDB encryption and backups, IAM wildcard resources, security groups open to the internet, ECR
 * encryption. Each function returns one line per flagged resource; none means compliant.
 */
import type { PolicyDocument, Statement } from "../../secure-fargate-task/src/iam/policyDocument";
import { ofType, ofTypes, policyInput, Resource, Subject, TYPES } from "./subject";

type Finder = (subject: Subject) => string[];

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The bucket's name, as its sub-resources (`bucket` input) name it. */
function bucketName(b: Resource): string {
  return String(b.state.bucket ?? b.inputs.bucket);
}

/**
 * Buckets that receive other buckets' server access logs. S3 lets such a destination use only SSE-S3 default
 * encryption ("The destination bucket ... SSE-S3 only"), so the KMS check leaves it out, and the versioning check too:
 * only the logging service writes it, each log object under a key of its own, and its lifecycle expires them.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
function logDestinations(s: Subject): Set<string> {
  return new Set(ofType(s, TYPES.bucketLogging).map((l) => String(l.inputs.targetBucket)));
}

/**
 * A statement that denies every action of the service (`<service>:*` or `*`) to everyone (`*`) when the request is
 * not over TLS: `Bool` (or `BoolIfExists`) `aws:SecureTransport` `false`, AWS's documented form for S3 and SQS.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html,
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html
 */
export function deniesInsecureTransport(doc: PolicyDocument, service: string): boolean {
  return doc.Statement.some((st: Statement) => {
    // `"Principal": "*"` or `{ "AWS": "*" }`: everyone.
    const principal: unknown = st.Principal;
    const everyone =
      principal === "*" || (typeof principal === "object" && principal !== null && "AWS" in principal && list(principal.AWS).includes("*"));
    const actions = list(st.Action);
    const condition = st.Condition?.Bool ?? st.Condition?.BoolIfExists;
    const insecure = condition !== undefined && list(condition["aws:SecureTransport"]).map(String).includes("false");
    return st.Effect === "Deny" && everyone && (actions.includes("*") || actions.includes(`${service}:*`)) && insecure;
  });
}

/** S3.5: a bucket whose policy does not deny requests made without TLS. */
export const bucketsWithoutTlsOnly: Finder = (s) => {
  const policies = ofType(s, TYPES.bucketPolicy);
  return ofType(s, TYPES.bucket).flatMap((b) => {
    const name = bucketName(b);
    const tls = policies.some((p) => String(p.inputs.bucket) === name && deniesInsecureTransport(policyInput(p, "policy"), "s3"));
    return tls ? [] : [`${b.name} accepts requests without TLS (no policy denying aws:SecureTransport false)`];
  });
};

/** SQS: a queue whose policy (its own resource, or the queue's `policy` input) does not deny requests made without TLS. */
export const queuesWithoutTlsOnly: Finder = (s) => {
  const policies = ofType(s, TYPES.queuePolicy);
  return ofType(s, TYPES.queue).flatMap((q) => {
    const docs = [
      ...policies.filter((p) => p.inputs.queueUrl !== undefined && p.inputs.queueUrl === q.state.url).map((p) => policyInput(p, "policy")),
      ...(typeof q.inputs.policy === "string" && q.inputs.policy !== "" ? [policyInput(q, "policy")] : []),
    ];
    return docs.some((d) => deniesInsecureTransport(d, "sqs"))
      ? []
      : [`${q.name} accepts requests without TLS (no policy denying aws:SecureTransport false)`];
  });
};

/** S3.14: versioning not enabled (its own resource, or the bucket's inline `versioning`); log destinations left out. */
export const unversionedBuckets: Finder = (s) => {
  const logs = logDestinations(s);
  const versioned = new Set(
    ofTypes(s, [TYPES.bucketVersioning, TYPES.bucketVersioningV2])
      .filter((v) => (v.inputs.versioningConfiguration as { status?: string } | undefined)?.status === "Enabled")
      .map((v) => String(v.inputs.bucket)),
  );
  return ofType(s, TYPES.bucket).flatMap((b) => {
    const name = bucketName(b);
    const inline = (b.inputs.versioning as { enabled?: boolean } | undefined)?.enabled === true;
    return versioned.has(name) || inline || logs.has(name) ? [] : [`${b.name} is not versioned`];
  });
};

interface SseRule {
  applyServerSideEncryptionByDefault?: { sseAlgorithm?: string };
}

/** S3.17: default encryption is not SSE-KMS (or DSSE-KMS); log destinations left out (S3 allows them SSE-S3 only). */
export const bucketsWithoutKms: Finder = (s) => {
  const logs = logDestinations(s);
  const kms = new Set(
    ofTypes(s, [TYPES.bucketEncryption, TYPES.bucketEncryptionV2])
      .filter((c) =>
        ((c.inputs.rules ?? []) as SseRule[]).some((r) => /^aws:kms(:dsse)?$/.test(r.applyServerSideEncryptionByDefault?.sseAlgorithm ?? "")),
      )
      .map((c) => String(c.inputs.bucket)),
  );
  return ofType(s, TYPES.bucket).flatMap((b) => {
    const name = bucketName(b);
    return kms.has(name) || logs.has(name) ? [] : [`${b.name} is not encrypted with a KMS key by default`];
  });
};

/**
 * The newest Node.js runtime of the AWS provider's `aws.lambda.Runtime` enum (a test holds the two together): what
 * Lambda runs longest before deprecation (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html).
 */
export const NEWEST_NODE_RUNTIME = "nodejs24.x";

const nodeMajor = (runtime: string): number | undefined => {
  const m = /^nodejs(\d+)\.x$/.exec(runtime);
  return m ? Number(m[1]) : undefined;
};

/** Lambda.2 (ours, stricter): a Node.js function on a runtime older than {@link NEWEST_NODE_RUNTIME}. */
export const outdatedNodeRuntimes: Finder = (s) =>
  ofType(s, TYPES.lambdaFunction).flatMap((f) => {
    const runtime = typeof f.inputs.runtime === "string" ? f.inputs.runtime : "";
    const major = nodeMajor(runtime);
    return major !== undefined && major < nodeMajor(NEWEST_NODE_RUNTIME)! ? [`${f.name} runs ${runtime}, not ${NEWEST_NODE_RUNTIME}`] : [];
  });

/** lambda-concurrency-check: a function without reserved concurrency (unset, or -1, the provider's "none"). */
export const functionsWithoutReservedConcurrency: Finder = (s) =>
  ofType(s, TYPES.lambdaFunction).flatMap((f) => {
    const reserved = f.inputs.reservedConcurrentExecutions;
    return typeof reserved === "number" && reserved >= 0 ? [] : [`${f.name} has no reserved concurrency`];
  });

/**
 * Lambda.1: a permission that lets a service principal (or everyone) invoke the function from any source: no
 * `sourceArn` and no `sourceAccount`, so any account's resource of that service could invoke it (the confused deputy).
 * https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html
 */
export const permissionsWithoutSource: Finder = (s) =>
  ofType(s, TYPES.lambdaPermission).flatMap((p) => {
    const principal = typeof p.inputs.principal === "string" ? p.inputs.principal : "";
    const service = principal === "*" || principal.endsWith(".amazonaws.com");
    return service && !p.inputs.sourceArn && !p.inputs.sourceAccount ? [`${p.name} lets ${principal} invoke from any source`] : [];
  });

/** A table's server-side encryption input. */
interface TableSse {
  enabled?: boolean;
  kmsKeyArn?: string;
}

/** dynamodb-table-encrypted-kms (with a customer-managed key): a table not encrypted with a key of the account's own. */
export const tablesWithoutCmk: Finder = (s) =>
  ofType(s, TYPES.table).flatMap((t) => {
    const sse = t.inputs.serverSideEncryption as TableSse | undefined;
    return sse?.enabled === true && sse.kmsKeyArn ? [] : [`${t.name} is not encrypted with a customer-managed key`];
  });

/** DynamoDB.2: point-in-time recovery off. */
export const tablesWithoutPitr: Finder = (s) =>
  ofType(s, TYPES.table).flatMap((t) =>
    (t.inputs.pointInTimeRecovery as { enabled?: boolean } | undefined)?.enabled === true ? [] : [`${t.name} has no point-in-time recovery`],
  );

/** DynamoDB.4: a table no AWS Backup selection names by ARN. */
export const tablesNotBackedUp: Finder = (s) => {
  const selected = new Set(ofType(s, TYPES.backupSelection).flatMap((sel) => (sel.inputs.resources ?? []) as string[]));
  return ofType(s, TYPES.table).flatMap((t) => (selected.has(String(t.state.arn)) ? [] : [`${t.name} is in no backup plan`]));
};

/**
 * The documented cases of `Resource: "*"` in an identity policy: actions that have no resource-level permission, so
 * IAM accepts nothing narrower (Service Authorization Reference, "Resource types" column empty), each with its use.
 */
export const WILDCARD_RESOURCE_ACTIONS: Readonly<Record<string, string>> = {
  "ecr:GetAuthorizationToken": "the execution role's registry login token (ECR: no resource-level permission)",
  "ssmmessages:CreateControlChannel": "ECS Exec's session channel (Systems Manager Session Manager: no resource-level permission)",
  "ssmmessages:CreateDataChannel": "ECS Exec's session channel (Systems Manager Session Manager: no resource-level permission)",
  "ssmmessages:OpenControlChannel": "ECS Exec's session channel (Systems Manager Session Manager: no resource-level permission)",
  "ssmmessages:OpenDataChannel": "ECS Exec's session channel (Systems Manager Session Manager: no resource-level permission)",
  "logs:DescribeLogGroups": "ECS Exec's session logging looks up its log group (CloudWatch Logs: no resource-level permission)",
};

/**
 * AwsSolutions-IAM5 (resources): an inline identity policy that allows an action on every resource (`*`), other than
 * the {@link WILDCARD_RESOURCE_ACTIONS}. Key policies are not read: there `*` means the key itself.
 */
export const wildcardResources: Finder = (s) =>
  ofType(s, TYPES.rolePolicy).flatMap((p) => {
    const broad = policyInput(p, "policy").Statement.filter((st) => st.Effect === "Allow" && list(st.Resource).includes("*"));
    const actions = broad.flatMap((st) => list(st.Action)).filter((a) => WILDCARD_RESOURCE_ACTIONS[a] === undefined);
    return actions.length > 0 ? [`${p.name} allows ${actions.join(", ")} on every resource`] : [];
  });

/** EC2.18's default `authorizedTcpPorts`: the ports an internet-facing load balancer listens on. */
export const AUTHORIZED_OPEN_PORTS = [80, 443];

const OPEN = ["0.0.0.0/0", "::/0"];

interface IngressRule {
  protocol?: string;
  ipProtocol?: string;
  fromPort?: number;
  toPort?: number;
  cidrBlocks?: string[];
  ipv6CidrBlocks?: string[];
}

/** Whether an ingress rule open to the internet reaches beyond the authorized ports (all protocols: every port). */
function openBeyondAuthorized(rule: IngressRule, cidrs: string[]): boolean {
  if (!cidrs.some((c) => OPEN.includes(c))) return false;
  const protocol = String(rule.ipProtocol ?? rule.protocol ?? "");
  if (protocol === "-1" || protocol === "all") return true;
  const from = Number(rule.fromPort ?? 0);
  const to = Number(rule.toPort ?? 65535);
  return !(from === to && AUTHORIZED_OPEN_PORTS.includes(from));
}

/**
 * EC2.18: ingress from 0.0.0.0/0 or ::/0 on a port other than {@link AUTHORIZED_OPEN_PORTS}, in a group's inline
 * `ingress`, an `aws.ec2.SecurityGroupRule` or an `aws.vpc.SecurityGroupIngressRule`.
 */
export const openSecurityGroups: Finder = (s) => [
  ...ofType(s, TYPES.securityGroup).flatMap((g) =>
    ((g.inputs.ingress ?? []) as IngressRule[]).some((r) => openBeyondAuthorized(r, [...list(r.cidrBlocks), ...list(r.ipv6CidrBlocks)]))
      ? [`${g.name} admits the internet beyond ports ${AUTHORIZED_OPEN_PORTS.join(", ")}`]
      : [],
  ),
  ...ofType(s, TYPES.securityGroupRule).flatMap((r) => {
    const rule = r.inputs as IngressRule & { type?: string };
    return rule.type === "ingress" && openBeyondAuthorized(rule, [...list(rule.cidrBlocks), ...list(rule.ipv6CidrBlocks)])
      ? [`${r.name} admits the internet beyond ports ${AUTHORIZED_OPEN_PORTS.join(", ")}`]
      : [];
  }),
  ...ofType(s, TYPES.securityGroupIngressRule).flatMap((r) => {
    const cidrs = [r.inputs.cidrIpv4, r.inputs.cidrIpv6].filter((c): c is string => typeof c === "string");
    return openBeyondAuthorized(r.inputs, cidrs) ? [`${r.name} admits the internet beyond ports ${AUTHORIZED_OPEN_PORTS.join(", ")}`] : [];
  }),
];

/** ECR.5: a repository not encrypted with a customer-managed KMS key (AES256, or KMS with the AWS managed key). */
export const repositoriesWithoutCmk: Finder = (s) =>
  ofType(s, TYPES.repository).flatMap((repo) => {
    const configs = (repo.inputs.encryptionConfigurations ?? []) as Array<{ encryptionType?: string; kmsKey?: string }>;
    return configs.some((c) => c.encryptionType === "KMS" && c.kmsKey) ? [] : [`${repo.name} is not encrypted with a customer-managed key`];
  });
