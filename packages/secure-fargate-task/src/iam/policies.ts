import { policyDocument, PolicyDocument, Statement } from "./policyDocument";

/** Where the component's resources live. */
export interface AwsScope {
  partition: string;
  region: string;
  accountId: string;
}

/**
 * Trust policy of the execution and task roles: ECS tasks of this account and region only (`aws:SourceAccount` and
 * `aws:SourceArn` guard against the confused deputy).
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 */
export function ecsTasksTrustPolicy(scope: AwsScope): PolicyDocument {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Service: "ecs-tasks.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": scope.accountId },
        ArnLike: { "aws:SourceArn": `arn:${scope.partition}:ecs:${scope.region}:${scope.accountId}:*` },
      },
    },
  ]);
}

/** What the execution role's policy is built from: the exact ARNs of what the component made or reads. */
export interface ExecutionPolicyInputs {
  /**
   * The ECR repositories the agent pulls from: the component's own, and the repository of an image pulled by name
   * from ECR. Empty when no image comes from ECR.
   */
  repositoryArns: readonly string[];
  logGroupArn: string;
  /** The grants to read the secrets ECS's agent reads (see `secretReadStatements`). */
  secretStatements: Statement[];
}

/**
 * The execution role's only policy: pull from this repository, write to this log group, and read exactly the secrets
 * ECS injects, decrypting only through the service that holds each. `ecr:GetAuthorizationToken` is the one action on
 * `*`: it has no resource-level permissions.
 */
export function executionRolePolicy(inputs: ExecutionPolicyInputs): PolicyDocument {
  const statements: Statement[] = [];
  if (inputs.repositoryArns.length > 0) {
    statements.push(
      { Sid: "EcrAuthorization", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "PullImage",
        Effect: "Allow",
        Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        Resource: inputs.repositoryArns.length === 1 ? inputs.repositoryArns[0] : [...inputs.repositoryArns],
      },
    );
  }
  statements.push(
    {
      Sid: "WriteLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${inputs.logGroupArn}:log-stream:*`,
    },
    ...inputs.secretStatements,
  );
  return policyDocument(statements);
}

/** The ARN of a log group, without the `:*` suffix. */
export function logGroupArn(scope: AwsScope, logGroupName: string): string {
  return `arn:${scope.partition}:logs:${scope.region}:${scope.accountId}:log-group:${logGroupName}`;
}

/** The ARN of an EventBridge rule on the default event bus. */
export function eventRuleArn(scope: AwsScope, ruleName: string): string {
  return `arn:${scope.partition}:events:${scope.region}:${scope.accountId}:rule/${ruleName}`;
}

/**
 * Key policy of the component's KMS key. The account may administer and use the key through IAM policies (AWS's
 * default statement: without it the key can become unmanageable), and CloudWatch Logs may use it for the component's log
 * groups only, as the encryption context condition pins.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 *
 * With `deadLetterRuleNames`, EventBridge may also `kms:GenerateDataKey` and `kms:Decrypt` for exactly those rules
 * (`aws:SourceArn`): it sends a rule's undeliverable events to the rule target's dead-letter queue, which this key
 * encrypts, and a KMS-encrypted queue needs the sender to generate a data key.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html (KMS-encrypted dead-letter queues)
 */
export function keyPolicy(scope: AwsScope, logGroupNames: readonly string[], deadLetterRuleNames: readonly string[] = []): PolicyDocument {
  const arns = logGroupNames.map((n) => logGroupArn(scope, n));
  const ruleArns = deadLetterRuleNames.map((n) => eventRuleArn(scope, n));
  const eventBridge =
    ruleArns.length === 0
      ? []
      : [
          {
            Sid: "EventBridgeDeadLettersOfTheseRulesOnly",
            Effect: "Allow" as const,
            Principal: { Service: "events.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
            Condition: { ArnEquals: { "aws:SourceArn": ruleArns.length === 1 ? ruleArns[0] : ruleArns } },
          },
        ];
  return policyDocument([
    {
      Sid: "AccountAdministersAndDelegatesThroughIam",
      Effect: "Allow",
      Principal: { AWS: `arn:${scope.partition}:iam::${scope.accountId}:root` },
      Action: "kms:*",
      Resource: "*",
    },
    {
      Sid: "CloudWatchLogsForTheseLogGroupsOnly",
      Effect: "Allow",
      Principal: { Service: `logs.${scope.region}.amazonaws.com` },
      Action: ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
      Resource: "*",
      Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": arns.length === 1 ? arns[0] : arns } },
    },
    ...eventBridge,
  ]);
}
