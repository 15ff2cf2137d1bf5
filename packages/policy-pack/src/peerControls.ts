/**
 * The controls peers' rule suites check on what the component and the stack make, beyond the first list
 * (`controls.ts`): Security Hub controls for S3, Lambda, DynamoDB, EC2 and ECR, AWS Config managed rules, and cdk-nag's
 * AwsSolutions rules where neither has one (issue #23, item 9).
 */
import { WITH_ALB, type Control } from "./control";
import * as find from "./peerFindings";

/** The component with an `s3Object` secret: the only way it makes buckets (the secrets bucket and its log bucket). */
const WITH_S3: Control["evaluatedWith"] = {
  args: { secrets: { TLS_KEY: { s3Object: "-----BEGIN KEY-----" } } },
  what: "an `s3Object` secret, which makes the component's only buckets (the secrets bucket and its access-log bucket)",
};

/** The component with a followed secret: the only way it makes a Lambda function (and its dead-letter queue). */
const WITH_ROTATION: Control["evaluatedWith"] = {
  args: { secrets: { API_KEY: { secretsManager: "rotated/api-key", followRotation: true } } },
  what: "a followed secret (`followRotation`), which makes the component's only Lambda function, its permission and its dead-letter queue",
};

const TABLE_NOT_OURS =
  "The component makes no DynamoDB table; the stack makes one (`infra/table.ts`), and the pack evaluates every table a stack makes.";

export const PEER_CONTROLS: Control[] = [
  {
    id: "S3.5",
    rule: "s3-bucket-ssl-requests-only",
    checks: "S3 buckets' policies deny requests not made over TLS (`aws:SecureTransport` false)",
    verdict: { status: "met" },
    evaluatedWith: WITH_S3,
    note: "Both buckets' policies deny `s3:*` to everyone without TLS.",
    findings: find.bucketsWithoutTlsOnly,
  },
  {
    id: "S3.14",
    rule: "s3-bucket-versioning-enabled",
    checks: "S3 buckets have versioning enabled",
    verdict: { status: "met" },
    evaluatedWith: WITH_S3,
    note: "The secrets bucket is versioned, and each secret is pinned to its object version. The access-log bucket is not, and the pack leaves a bucket that receives server access logs out of this check: only the S3 logging service writes to it (its policy), each log under a key of its own, and its lifecycle expires them after 365 days. AWS Config's rule flags it: suppress that finding naming this reason.",
    findings: find.unversionedBuckets,
  },
  {
    id: "S3.17",
    rule: "s3-default-encryption-kms",
    checks: "S3 buckets are encrypted at rest with a KMS key by default",
    verdict: { status: "met" },
    evaluatedWith: WITH_S3,
    note: "The secrets bucket is SSE-KMS with the component's key (and a bucket key). Its access-log bucket is SSE-S3, because a server access log destination may use only SSE-S3 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html): the pack leaves such a bucket out; AWS Config's rule flags it: suppress that finding naming this reason.",
    findings: find.bucketsWithoutKms,
  },
  {
    id: "AwsSolutions-SQS4",
    rule: "cdk-nag AwsSolutions-SQS4",
    checks: "SQS queues' policies deny requests not made over TLS (`aws:SecureTransport` false)",
    verdict: { status: "met" },
    evaluatedWith: WITH_ROTATION,
    note: "AWS Config and Security Hub have no such rule; cdk-nag does. Every dead-letter queue the component makes (`followRotation`'s and `schedule`'s) has a policy that denies `sqs:*` to everyone without TLS.",
    findings: find.queuesWithoutTlsOnly,
  },
  {
    id: "Lambda.1",
    rule: "lambda-function-public-access-prohibited",
    checks: "Lambda permissions for a service principal name the source (`sourceArn` or `sourceAccount`)",
    verdict: { status: "met" },
    evaluatedWith: WITH_ROTATION,
    note: "The rotation function may be invoked by EventBridge for its one rule only (`sourceArn`).",
    findings: find.permissionsWithoutSource,
  },
  {
    id: "Lambda.2",
    rule: "lambda-function-settings-check",
    checks: `Node.js functions run the newest Node.js runtime the AWS provider accepts (${find.NEWEST_NODE_RUNTIME}); stricter than Security Hub's supported runtimes`,
    verdict: { status: "met" },
    evaluatedWith: WITH_ROTATION,
    findings: find.outdatedNodeRuntimes,
  },
  {
    id: "lambda-concurrency-check",
    rule: "lambda-concurrency-check",
    checks: "Lambda functions have reserved concurrency",
    verdict: {
      status: "not met",
      reason:
        "The rotation function needs none: EventBridge invokes it asynchronously, once per rotation, and Lambda retries a throttled asynchronous invocation for the invoke configuration's hour, then sends it to the dead-letter queue. And a reservation, even of 1, would fail `pulumi up` in an account whose concurrency quota is 100 or less, as some new accounts' is: AWS lets you reserve up to the unreserved account concurrency minus 100 (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).",
      option:
        "The component offers no setting: in an account with room for it, reserve concurrency on the function yourself (`aws lambda put-function-concurrency`); the pack cannot see that, so set this policy to `disabled` in your policy config file.",
    },
    evaluatedWith: WITH_ROTATION,
    findings: find.functionsWithoutReservedConcurrency,
  },
  {
    id: "dynamodb-table-encrypted-kms",
    rule: "dynamodb-table-encrypted-kms",
    checks: "DynamoDB tables are encrypted with a customer-managed KMS key",
    verdict: { status: "not applicable", reason: TABLE_NOT_OURS },
    advisory:
      "The stack's table is encrypted with the AWS managed key (`aws/dynamodb`). A customer-managed key would add a key to pay for (about $1 a month) and make every principal that reads or writes posts (the task role, the compliance command, the deployer) need grants on it through DynamoDB, for no reader the AWS managed key lets in: its key policy admits only DynamoDB on this account's behalf. To meet it, give the table `serverSideEncryption: { enabled: true, kmsKeyArn }` with a rotating key of your own and those grants.",
    findings: find.tablesWithoutCmk,
  },
  {
    id: "DynamoDB.2",
    rule: "dynamodb-pitr-enabled",
    checks: "DynamoDB tables have point-in-time recovery enabled",
    verdict: { status: "not applicable", reason: TABLE_NOT_OURS },
    note: "The stack's table has point-in-time recovery on (35 days).",
    findings: find.tablesWithoutPitr,
  },
  {
    id: "DynamoDB.4",
    rule: "dynamodb-resources-protected-by-backup-plan",
    checks: "DynamoDB tables are in an AWS Backup plan",
    verdict: { status: "not applicable", reason: TABLE_NOT_OURS },
    advisory:
      "The stack's backup plan is opt-in (`twitterstream:backup`, off by default): point-in-time recovery already restores the table to any second of the last 35 days, and a plan adds the cost of its recovery points (docs/COST.md). To meet it: `pulumi config set backup true` (a daily backup kept 35 days in a vault of the stack's own, encrypted with a customer-managed key).",
    findings: find.tablesNotBackedUp,
  },
  {
    id: "AwsSolutions-IAM5",
    rule: "cdk-nag AwsSolutions-IAM5",
    checks: "Inline IAM policies allow no action on every resource (`*`) but those that have no resource-level permission",
    verdict: { status: "met" },
    note: `The allowed \`*\` cases, each an action IAM accepts on no narrower resource: ${Object.entries(find.WILDCARD_RESOURCE_ACTIONS)
      .map(([action, why]) => `\`${action}\` (${why})`)
      .join("; ")}.`,
    findings: find.wildcardResources,
  },
  {
    id: "EC2.18",
    rule: "vpc-sg-open-only-to-authorized-ports",
    checks: `Security groups admit 0.0.0.0/0 or ::/0 only on the authorized ports (the control's default: TCP ${find.AUTHORIZED_OPEN_PORTS.join(", ")})`,
    verdict: { status: "met" },
    evaluatedWith: WITH_ALB,
    note: "Only the ALB's group admits the internet, on 443 (and 80 for the redirect) from `loadBalancer.ingressCidrBlocks` (default 0.0.0.0/0); the tasks' group admits nothing but the ALB's group.",
    findings: find.openSecurityGroups,
  },
  {
    id: "ECR.5",
    rule: "ecr-repository-cmk-encryption-enabled",
    checks: "ECR repositories are encrypted with a customer-managed KMS key",
    verdict: { status: "met" },
    findings: find.repositoriesWithoutCmk,
  },
];
