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

/** What the execution role's policy is built from: the exact ARNs of what the component made. */
export interface ExecutionPolicyInputs {
  scope: AwsScope;
  repositoryArn: string;
  logGroupArn: string;
  secretArns: string[];
  kmsKeyArn: string;
}

/**
 * The execution role's only policy: pull this image, write to this log group, read exactly these secrets, and decrypt
 * with this key only through Secrets Manager in this region. `ecr:GetAuthorizationToken` is the one action on `*`:
 * it has no resource-level permissions.
 */
export function executionRolePolicy(inputs: ExecutionPolicyInputs): PolicyDocument {
  const statements: Statement[] = [
    { Sid: "EcrAuthorization", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
    {
      Sid: "PullImage",
      Effect: "Allow",
      Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
      Resource: inputs.repositoryArn,
    },
    {
      Sid: "WriteLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${inputs.logGroupArn}:log-stream:*`,
    },
    {
      Sid: "ReadSecrets",
      Effect: "Allow",
      Action: "secretsmanager:GetSecretValue",
      Resource: [...new Set(inputs.secretArns)].sort(),
    },
    {
      Sid: "DecryptSecrets",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: inputs.kmsKeyArn,
      Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${inputs.scope.region}.amazonaws.com` } },
    },
  ];
  return policyDocument(statements);
}

/** The ARN of a log group, without the `:*` suffix. */
export function logGroupArn(scope: AwsScope, logGroupName: string): string {
  return `arn:${scope.partition}:logs:${scope.region}:${scope.accountId}:log-group:${logGroupName}`;
}

/**
 * Key policy of the component's KMS key. The account may administer and use the key through IAM policies (AWS's
 * default statement: without it the key can become unmanageable), and CloudWatch Logs may use it for this one log
 * group only, as the encryption context condition pins.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function keyPolicy(scope: AwsScope, logGroupName: string): PolicyDocument {
  return policyDocument([
    {
      Sid: "AccountAdministersAndDelegatesThroughIam",
      Effect: "Allow",
      Principal: { AWS: `arn:${scope.partition}:iam::${scope.accountId}:root` },
      Action: "kms:*",
      Resource: "*",
    },
    {
      Sid: "CloudWatchLogsForThisLogGroupOnly",
      Effect: "Allow",
      Principal: { Service: `logs.${scope.region}.amazonaws.com` },
      Action: ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
      Resource: "*",
      Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": logGroupArn(scope, logGroupName) } },
    },
  ]);
}

/**
 * ECR lifecycle policy: keep the `keep` most recent images, expire the rest. Images are tagged by content, so every
 * image is tagged; the rule counts them all.
 */
export function lifecyclePolicy(keep: number): { rules: object[] } {
  return {
    rules: [
      {
        rulePriority: 1,
        description: `Keep the ${keep} most recent images`,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keep },
        action: { type: "expire" },
      },
    ],
  };
}
