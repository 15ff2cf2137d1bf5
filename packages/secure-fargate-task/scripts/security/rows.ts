/**
 * Who may do what, as rows: principal, action, resource, context, expected decision. Adding a case is one line.
 * The names are defined in `world.ts`.
 */
import type { Decision } from "@twitterstream/test-kit/iam/simulate";
import type { ContextName, PrincipalName, ResourceName } from "./world";

export interface Row {
  who: PrincipalName;
  action: string;
  on: ResourceName;
  context: ContextName;
  expected: Decision;
}

const ALLOWED: Decision = "Allowed";
const DENIED: Decision = "ImplicitlyDenied";

function row(who: PrincipalName, action: string, on: ResourceName, expected: Decision, context: ContextName = ""): Row {
  return { who, action, on, context, expected };
}

/**
 * The execution role pulls an image from this repository (the component's, or one an image names): the three pull
 * actions on it, never a push to it, and no other repository. The task role pulls nothing.
 */
function imagePullRows(repository: ResourceName): Row[] {
  return [
    row("execution role", "ecr:GetAuthorizationToken", "any resource", ALLOWED),
    row("execution role", "ecr:BatchCheckLayerAvailability", repository, ALLOWED),
    row("execution role", "ecr:GetDownloadUrlForLayer", repository, ALLOWED),
    row("execution role", "ecr:BatchGetImage", repository, ALLOWED),
    row("execution role", "ecr:BatchGetImage", "another repository", DENIED),
    row("execution role", "ecr:PutImage", repository, DENIED),
    row("execution role", "ecr:InitiateLayerUpload", repository, DENIED),
    row("task role", "ecr:BatchGetImage", repository, DENIED),
  ];
}

/** The execution role: pull this image, log to this group, read these secrets, decrypt only through Secrets Manager. */
export const EXECUTION_ROLE_ROWS: Row[] = [
  ...imagePullRows("this repository"),
  row("execution role", "logs:CreateLogStream", "this log group's streams", ALLOWED),
  row("execution role", "logs:PutLogEvents", "this log group's streams", ALLOWED),
  row("execution role", "logs:PutLogEvents", "another log group's streams", DENIED),
  row("execution role", "logs:CreateLogGroup", "this log group", DENIED),
  row("execution role", "logs:DeleteLogGroup", "this log group", DENIED),
  ...secretReaderRows("these secrets"),
  row("execution role", "secretsmanager:GetSecretValue", "another secret's partial ARN", DENIED),
  row("execution role", "secretsmanager:DescribeSecret", "these secrets", DENIED),
  row("execution role", "secretsmanager:DeleteSecret", "these secrets", DENIED),
  row("execution role", "kms:Decrypt", "this key", ALLOWED, "via Secrets Manager"),
  row("execution role", "kms:Decrypt", "this key", DENIED),
  row("execution role", "kms:Decrypt", "this key", DENIED, "via S3"),
  row("execution role", "kms:Decrypt", "this key", DENIED, "via Secrets Manager in another region"),
  row("execution role", "kms:Decrypt", "another key", DENIED, "via Secrets Manager"),
  row("execution role", "kms:Encrypt", "this key", DENIED, "via Secrets Manager"),
  row("execution role", "kms:GenerateDataKey", "this key", DENIED, "via Secrets Manager"),
  row("execution role", "dynamodb:BatchWriteItem", "this table", DENIED),
];

/** The task role, with secrets delivered as environment variables: it reads no secret and decrypts nothing. */
export const TASK_ROLE_SECRET_ROWS: Row[] = [
  row("task role", "secretsmanager:GetSecretValue", "these secrets", DENIED),
  row("task role", "kms:Decrypt", "this key", DENIED, "via Secrets Manager"),
  row("task role", "ecr:BatchGetImage", "this repository", DENIED),
  row("task role", "logs:PutLogEvents", "this log group's streams", DENIED),
];

/**
 * The stack's task role: write (and delete) posts in its table, remove a quote's quoted text without reading it back,
 * read and write the compliance sweep's position item and no other, scan and query the keys of its byId and byRef
 * indexes, nothing else.
 */
export const STACK_TASK_ROLE_ROWS: Row[] = [
  row("task role", "dynamodb:BatchWriteItem", "this table", ALLOWED),
  row("task role", "dynamodb:PutItem", "this table", DENIED),
  row("task role", "dynamodb:GetItem", "this table", DENIED),
  row("task role", "dynamodb:GetItem", "this table", ALLOWED, "for the sweep's position item"),
  row("task role", "dynamodb:PutItem", "this table", ALLOWED, "for the sweep's position item"),
  row("task role", "dynamodb:GetItem", "this table", DENIED, "for a post's item"),
  row("task role", "dynamodb:PutItem", "this table", DENIED, "for a post's item"),
  row("task role", "dynamodb:UpdateItem", "this table", ALLOWED, "returning nothing"),
  row("task role", "dynamodb:UpdateItem", "this table", DENIED, "returning the old item"),
  row("task role", "dynamodb:BatchGetItem", "this table", DENIED),
  row("task role", "dynamodb:Query", "this table", DENIED),
  row("task role", "dynamodb:Query", "this table's indexes", DENIED),
  row("task role", "dynamodb:Scan", "this table", DENIED),
  row("task role", "dynamodb:Scan", "this table's byId index", ALLOWED),
  row("task role", "dynamodb:Query", "this table's byId index", ALLOWED),
  row("task role", "dynamodb:Scan", "this table's byRef index", ALLOWED),
  row("task role", "dynamodb:Query", "this table's byRef index", ALLOWED),
  row("task role", "dynamodb:Scan", "this table's indexes", DENIED),
  row("task role", "dynamodb:DeleteItem", "this table", DENIED),
  row("task role", "dynamodb:DeleteTable", "this table", DENIED),
  row("task role", "dynamodb:BatchWriteItem", "another table", DENIED),
];

/** Who may assume the roles: ECS tasks of this account, nobody else. */
export const TRUST_ROWS: Row[] = [
  row("ECS tasks service", "sts:AssumeRole", "the execution role", ALLOWED, "for a task of this account"),
  row("ECS tasks service", "sts:AssumeRole", "the task role", ALLOWED, "for a task of this account"),
  row("ECS tasks service", "sts:AssumeRole", "the execution role", DENIED, "for a task of another account"),
  row("ECS tasks service", "sts:AssumeRole", "the task role", DENIED, "for a task of another account"),
  row("ECS tasks service", "sts:AssumeRole", "the execution role", DENIED, "claiming this account for another account's task"),
  row("ECS tasks service", "sts:AssumeRole", "the execution role", DENIED, "without a source account"),
  row("ECS tasks service", "sts:AssumeRole", "the execution role", DENIED),
  row("an admin of another account", "sts:AssumeRole", "the execution role", DENIED),
];

/**
 * The key policy as a resource policy. Another account cannot use the key whatever its own policies say. Within the
 * account the key policy delegates to IAM (AWS's default statement, without which the key can become unmanageable),
 * so an identity allowed `kms:*` on `*` may decrypt: pinned here as the documented trade-off. CloudWatch Logs may use
 * the key only with this log group's encryption context; the simulator cannot evaluate `kms:EncryptionContext:<key>`
 * keys (it drops them as unknown), so only the request without that context is evaluated here, and the statement
 * itself is pinned by the component's policy-document test.
 */
export const KEY_POLICY_ROWS: Row[] = [
  row("an admin of another account", "kms:Decrypt", "this key", DENIED, "via Secrets Manager"),
  row("an admin of another account", "secretsmanager:GetSecretValue", "these secrets", DENIED),
  row("an admin of this account", "kms:Decrypt", "this key", ALLOWED, "via Secrets Manager"),
  row("CloudWatch Logs service", "kms:GenerateDataKey", "this key", DENIED),
];

/**
 * File delivery, from every source: ECS injects the Secrets Manager and SSM values into the secrets init container
 * alone (its `secrets`, read by ECS's agent with the execution role), so the task role, which the app, the sidecars and
 * the log router run with, reads none of them and decrypts none of their keys. The S3 object, which ECS cannot inject,
 * is the one read left at run time: the task role may read exactly the version the task uses, through S3 only.
 */
export const FILE_DELIVERY_ROWS: Row[] = [
  ...secretReaderRows("the init container's secrets"),
  row("execution role", "kms:Decrypt", "this key", ALLOWED, "via Secrets Manager"),
  row("execution role", "kms:Decrypt", "an existing secret's customer-managed key", ALLOWED, "via Secrets Manager"),
  row("execution role", "ssm:GetParameters", "the init container's parameter", ALLOWED),
  row("execution role", "ssm:GetParameters", "another parameter", DENIED),
  row("execution role", "kms:Decrypt", "the parameter's customer-managed key", ALLOWED, "via SSM"),
  row("execution role", "s3:GetObjectVersion", "the secret objects", DENIED, "at the version the task uses"),
  row("task role", "secretsmanager:GetSecretValue", "the init container's secrets", DENIED),
  row("task role", "secretsmanager:GetSecretValue", "these secrets", DENIED),
  row("task role", "kms:Decrypt", "this key", DENIED, "via Secrets Manager"),
  row("task role", "kms:Decrypt", "an existing secret's customer-managed key", DENIED, "via Secrets Manager"),
  row("task role", "ssm:GetParameter", "the init container's parameter", DENIED),
  row("task role", "ssm:GetParameters", "the init container's parameter", DENIED),
  row("task role", "kms:Decrypt", "the parameter's customer-managed key", DENIED, "via SSM"),
  row("task role", "s3:GetObjectVersion", "the secret objects", ALLOWED, "at the version the task uses"),
  row("task role", "s3:GetObjectVersion", "the secret objects", DENIED, "at another version"),
  row("task role", "s3:GetObjectVersion", "another object in the secrets bucket", DENIED, "at the version the task uses"),
  row("task role", "s3:GetObject", "the secret objects", DENIED),
  row("task role", "s3:PutObject", "the secret objects", DENIED),
  row("task role", "kms:Decrypt", "this key", ALLOWED, "via S3"),
  row("task role", "kms:Decrypt", "this key", DENIED),
  row("execution role", "ecr:BatchGetImage", "this repository", ALLOWED),
];

/**
 * EFS volumes: ECS mounts as the task role (`iam: ENABLED`), which may mount the file system only through the given
 * access points, and write only through the one not mounted read-only. The condition key is what EFS sets on a mount
 * through an access point (https://docs.aws.amazon.com/efs/latest/ug/access-points-iam-policy.html); a mount without an
 * access point carries none.
 */
export const EFS_ROWS: Row[] = [
  row("task role", "elasticfilesystem:ClientMount", "the EFS file system", ALLOWED, "through the access point"),
  row("task role", "elasticfilesystem:ClientWrite", "the EFS file system", ALLOWED, "through the access point"),
  row("task role", "elasticfilesystem:ClientMount", "the EFS file system", ALLOWED, "through the read-only access point"),
  row("task role", "elasticfilesystem:ClientWrite", "the EFS file system", DENIED, "through the read-only access point"),
  row("task role", "elasticfilesystem:ClientMount", "the EFS file system", DENIED, "through another access point"),
  row("task role", "elasticfilesystem:ClientMount", "the EFS file system", DENIED),
  row("task role", "elasticfilesystem:ClientMount", "another EFS file system", DENIED, "through the access point"),
  row("task role", "elasticfilesystem:ClientRootAccess", "the EFS file system", DENIED, "through the access point"),
  row("task role", "elasticfilesystem:DeleteFileSystem", "the EFS file system", DENIED),
  row("execution role", "elasticfilesystem:ClientMount", "the EFS file system", DENIED, "through the access point"),
];

/** The rotation target's role: it may start deployments of this one service, and nothing else. */
export const ROTATION_ROWS: Row[] = [
  row("rotation role", "ecs:UpdateService", "this service", ALLOWED),
  row("rotation role", "ecs:UpdateService", "another service", DENIED),
  row("rotation role", "ecs:DeleteService", "this service", DENIED),
  row("rotation role", "ecs:RunTask", "any resource", DENIED),
  row("rotation role", "secretsmanager:GetSecretValue", "these secrets", DENIED),
  row("rotation role", "kms:Decrypt", "this key", DENIED, "via Secrets Manager"),
  row("execution role", "ecs:UpdateService", "this service", DENIED),
  row("task role", "ecs:UpdateService", "this service", DENIED),
];

/**
 * The schedule's role: run this family (any revision) in this cluster, tag the tasks of this cluster only while RunTask
 * creates them (`ecs:CreateAction`), pass exactly the task's two roles to ECS tasks; nothing else. Only EventBridge
 * Scheduler of this account may assume it.
 */
export const SCHEDULE_ROWS: Row[] = [
  row("schedule role", "ecs:RunTask", "this task definition family", ALLOWED, "in this cluster"),
  row("schedule role", "ecs:RunTask", "this task definition family", DENIED, "in another cluster"),
  row("schedule role", "ecs:RunTask", "another family's task definition", DENIED, "in this cluster"),
  row("schedule role", "iam:PassRole", "the execution role", ALLOWED, "to ECS tasks"),
  row("schedule role", "iam:PassRole", "the task role", ALLOWED, "to ECS tasks"),
  row("schedule role", "iam:PassRole", "the task role", DENIED, "to Lambda"),
  row("schedule role", "iam:PassRole", "another role", DENIED, "to ECS tasks"),
  row("schedule role", "ecs:TagResource", "a task in this cluster", ALLOWED, "while RunTask creates it"),
  row("schedule role", "ecs:TagResource", "a task in this cluster", DENIED),
  row("schedule role", "ecs:TagResource", "a task in this cluster", DENIED, "while StartTask creates it"),
  row("schedule role", "ecs:TagResource", "a task in another cluster", DENIED, "while RunTask creates it"),
  row("schedule role", "ecs:TagResource", "this task definition family", DENIED, "while RunTask creates it"),
  row("schedule role", "ecs:UntagResource", "a task in this cluster", DENIED),
  row("schedule role", "ecs:StopTask", "any resource", DENIED),
  row("schedule role", "secretsmanager:GetSecretValue", "these secrets", DENIED),
  row("EventBridge Scheduler service", "sts:AssumeRole", "the schedule role", ALLOWED, "for a schedule of this account"),
  row("EventBridge Scheduler service", "sts:AssumeRole", "the schedule role", DENIED, "for a schedule of another account"),
  row("EventBridge Scheduler service", "sts:AssumeRole", "the schedule role", DENIED),
  row("ECS tasks service", "sts:AssumeRole", "the schedule role", DENIED, "for a task of this account"),
];

/**
 * The execution role reads these secrets and no other (not another, not one whose name starts like theirs), and
 * cannot write them.
 */
function secretReaderRows(secrets: ResourceName): Row[] {
  return [
    row("execution role", "secretsmanager:GetSecretValue", secrets, ALLOWED),
    row("execution role", "secretsmanager:GetSecretValue", "another secret", DENIED),
    row("execution role", "secretsmanager:GetSecretValue", "a secret named like ours plus a suffix", DENIED),
    row("execution role", "secretsmanager:PutSecretValue", secrets, DENIED),
  ];
}

/**
 * Sidecars: ECS's agent injects their secrets with the execution role, which is granted each on its exact ARN (one
 * the component stores, one that exists, under a customer-managed key) and that key via Secrets Manager only. The
 * task role, the app's and the sidecars' own, reads none of them.
 */
export const SIDECAR_ROWS: Row[] = [
  ...secretReaderRows("the sidecars' secrets"),
  row("execution role", "kms:Decrypt", "an existing secret's customer-managed key", ALLOWED, "via Secrets Manager"),
  row("execution role", "kms:Decrypt", "an existing secret's customer-managed key", DENIED),
  row("execution role", "kms:Decrypt", "an existing secret's customer-managed key", DENIED, "via S3"),
  row("task role", "secretsmanager:GetSecretValue", "the sidecars' secrets", DENIED),
  row("task role", "kms:Decrypt", "an existing secret's customer-managed key", DENIED, "via Secrets Manager"),
];

/**
 * A sidecar whose secret is an SSM parameter and whose image is in this account's ECR: ECS's agent reads the parameter
 * with the execution role (`ssm:GetParameters`, what the agent calls) on its exact ARN, not on its path, decrypting with
 * the caller's key through SSM only; and pulls from exactly that repository. The task role does neither.
 */
export const SIDECAR_PARAMETER_ROWS: Row[] = [
  row("execution role", "ssm:GetParameters", "the sidecar's parameter", ALLOWED),
  row("execution role", "ssm:GetParameters", "another parameter", DENIED),
  row("execution role", "ssm:GetParameters", "a parameter under the sidecar's parameter", DENIED),
  row("execution role", "ssm:GetParametersByPath", "the sidecar's parameter", DENIED),
  row("execution role", "ssm:PutParameter", "the sidecar's parameter", DENIED),
  row("execution role", "kms:Decrypt", "the parameter's customer-managed key", ALLOWED, "via SSM"),
  row("execution role", "kms:Decrypt", "the parameter's customer-managed key", DENIED),
  row("execution role", "kms:Decrypt", "the parameter's customer-managed key", DENIED, "via Secrets Manager"),
  row("execution role", "kms:Decrypt", "another key", DENIED, "via SSM"),
  row("execution role", "kms:Encrypt", "the parameter's customer-managed key", DENIED, "via SSM"),
  ...imagePullRows("the sidecar's mirrored repository"),
  row("task role", "ssm:GetParameters", "the sidecar's parameter", DENIED),
  row("task role", "kms:Decrypt", "the parameter's customer-managed key", DENIED, "via SSM"),
];

/**
 * FireLens: ECS's agent reads the log configuration's secret options with the execution role, on each exact ARN (the
 * one the component stores, under this key, and an existing one under a customer-managed key) and the keys through
 * Secrets Manager only; and pulls the router from exactly its ECR repository. The task role, which the router runs
 * with, reads none of them.
 */
export const FIRELENS_ROWS: Row[] = [
  ...secretReaderRows("the log configuration's secrets"),
  row("execution role", "kms:Decrypt", "this key", ALLOWED, "via Secrets Manager"),
  row("execution role", "kms:Decrypt", "an existing secret's customer-managed key", ALLOWED, "via Secrets Manager"),
  row("execution role", "kms:Decrypt", "an existing secret's customer-managed key", DENIED),
  row("execution role", "kms:Decrypt", "an existing secret's customer-managed key", DENIED, "via SSM"),
  ...imagePullRows("the log router's mirrored repository"),
  row("task role", "secretsmanager:GetSecretValue", "the log configuration's secrets", DENIED),
  row("task role", "kms:Decrypt", "an existing secret's customer-managed key", DENIED, "via Secrets Manager"),
];

/**
 * ECS Exec: the task role gets the SSM session channel, the four `ssmmessages` actions (no resource-level permissions:
 * `*`) and no other SSM action; finds the log group (`logs:DescribeLogGroups`, `*` only), creates and writes session
 * log streams in this log group only, and reads none back; and may decrypt with this key (session encryption; the SSM
 * agent calls KMS directly). It still reads no secret: the key alone gives no secret value.
 *
 * `logs:DescribeLogStreams` is granted on the log group (its resource type in the Service Authorization Reference)
 * and on `<group>:*` (AWS's ECS Exec example), and on no other group.
 */
export const EXEC_ROWS: Row[] = [
  row("task role", "ssmmessages:CreateControlChannel", "any resource", ALLOWED),
  row("task role", "ssmmessages:CreateDataChannel", "any resource", ALLOWED),
  row("task role", "ssmmessages:OpenControlChannel", "any resource", ALLOWED),
  row("task role", "ssmmessages:OpenDataChannel", "any resource", ALLOWED),
  row("task role", "ssm:StartSession", "any resource", DENIED),
  row("task role", "ssm:SendCommand", "any resource", DENIED),
  row("task role", "logs:DescribeLogGroups", "any resource", ALLOWED),
  row("task role", "logs:CreateLogGroup", "this log group", DENIED),
  row("task role", "logs:CreateLogStream", "this log group's streams", ALLOWED),
  row("task role", "logs:CreateLogStream", "another log group's streams", DENIED),
  row("task role", "logs:DescribeLogStreams", "this log group", ALLOWED),
  row("task role", "logs:DescribeLogStreams", "this log group's streams", ALLOWED),
  row("task role", "logs:DescribeLogStreams", "another log group", DENIED),
  row("task role", "logs:PutLogEvents", "this log group's streams", ALLOWED),
  row("task role", "logs:PutLogEvents", "another log group's streams", DENIED),
  row("task role", "logs:GetLogEvents", "this log group's streams", DENIED),
  row("task role", "kms:Decrypt", "this key", ALLOWED),
  row("task role", "kms:Decrypt", "another key", DENIED),
  row("task role", "kms:Encrypt", "this key", DENIED),
  row("task role", "secretsmanager:GetSecretValue", "these secrets", DENIED),
];

/**
 * What the role that sends to a dead-letter queue may do (the shared grant of `src/deadLetter/`): send to that queue
 * only, never read or purge it, and use the key through SQS only.
 */
function deadLetterSenderRows(principal: PrincipalName): Row[] {
  return [
    row(principal, "sqs:SendMessage", "this dead-letter queue", ALLOWED),
    row(principal, "sqs:SendMessage", "another queue", DENIED),
    row(principal, "sqs:ReceiveMessage", "this dead-letter queue", DENIED),
    row(principal, "sqs:PurgeQueue", "this dead-letter queue", DENIED),
    row(principal, "kms:GenerateDataKey", "this key", ALLOWED, "via SQS"),
    row(principal, "kms:Decrypt", "this key", ALLOWED, "via SQS"),
    row(principal, "kms:GenerateDataKey", "this key", DENIED),
    row(principal, "kms:Decrypt", "this key", DENIED, "via Secrets Manager"),
  ];
}

/**
 * The rotation dead-letter queue: the function's role records failed invocations in it (encrypting through SQS only),
 * EventBridge sends undeliverable events for the rotation rule and no other, and neither reads it.
 */
export const DEAD_LETTER_ROWS: Row[] = [
  ...deadLetterSenderRows("rotation role"),
  row("EventBridge service", "sqs:SendMessage", "this dead-letter queue", ALLOWED, "for the rotation rule"),
  row("EventBridge service", "sqs:SendMessage", "this dead-letter queue", DENIED, "for another rule"),
  row("EventBridge service", "sqs:SendMessage", "this dead-letter queue", DENIED),
  row("EventBridge service", "sqs:ReceiveMessage", "this dead-letter queue", DENIED, "for the rotation rule"),
  row("EventBridge service", "kms:GenerateDataKey", "this key", ALLOWED, "for the rotation rule"),
  row("EventBridge service", "kms:Decrypt", "this key", ALLOWED, "for the rotation rule"),
  row("EventBridge service", "kms:GenerateDataKey", "this key", DENIED, "for another rule"),
  row("EventBridge service", "kms:Encrypt", "this key", DENIED, "for the rotation rule"),
  row("execution role", "sqs:SendMessage", "this dead-letter queue", DENIED),
  row("task role", "sqs:ReceiveMessage", "this dead-letter queue", DENIED),
];

/**
 * The schedule's dead-letter queue: Scheduler sends a run it gave up on with the schedule's role, which may send to
 * this queue only and encrypt through SQS only; Scheduler as a service principal has no grant on it (no queue policy),
 * and nobody here reads it.
 */
export const SCHEDULE_DEAD_LETTER_ROWS: Row[] = [
  ...deadLetterSenderRows("schedule role"),
  row("schedule role", "kms:Decrypt", "another key", DENIED, "via SQS"),
  row("EventBridge Scheduler service", "sqs:SendMessage", "this dead-letter queue", DENIED, "for a schedule of this account"),
  row("execution role", "sqs:SendMessage", "this dead-letter queue", DENIED),
  row("task role", "sqs:ReceiveMessage", "this dead-letter queue", DENIED),
];
