/**
 * The opt-in AWS Backup plan for the posts table (`twitterstream:backup`): a daily backup kept {@link RETENTION_DAYS}
 * days in a vault of the stack's own, encrypted with a rotating customer-managed key, taken by a role AWS Backup
 * assumes, selecting exactly this table. Point-in-time recovery (always on) restores to any second of the last 35
 * days; these recovery points are a second copy that a table deletion or a bad write cannot reach, as NIST 800-53
 * CP-9 and HIPAA's backup controls ask (Security Hub DynamoDB.4).
 *
 * Input rules (checked in the AWS input-rule table, `packages/test-kit/src/awsRules/services/backup.ts`): terraform-provider-aws
 * internal/service/backup/vault.go (name 2-50 of [a-zA-Z0-9_-]), plan.go (rule_name 1-50 of [0-9A-Za-z_.-],
 * target_vault_name 2-50 of [0-9A-Za-z_-]), selection.go (name 1-50 of [0-9A-Za-z_.-], iam_role_arn an ARN);
 * AWS Backup API reference, Lifecycle (DeleteAfterDays) and BackupRuleInput (ScheduleExpression, a cron expression).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Scope } from "./monitoring/policies";

/** How long each daily recovery point is kept: 35 days, as long as point-in-time recovery reaches back. */
export const RETENTION_DAYS = 35;

/** Every day at 05:00 UTC (AWS Backup's default start window, 60 minutes, then applies). */
export const SCHEDULE = "cron(0 5 ? * * *)";

/** The plan's one rule. */
export const RULE_NAME = "daily";

/**
 * The AWS managed policy AWS Backup's own default role carries for backups (DynamoDB's `CreateBackup`,
 * `DescribeTable`, tag reads and the rest, each service's actions only on what the selection names):
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/security-iam-awsmanpol.html#AWSBackupServiceRolePolicyForBackup
 */
export const BACKUP_MANAGED_POLICY = "service-role/AWSBackupServiceRolePolicyForBackup";

const BACKUP_PRINCIPAL = "backup.amazonaws.com";

/**
 * Trust policy of the backup role: AWS Backup only. No `aws:SourceAccount`/`aws:SourceArn` condition: AWS Backup's
 * confused-deputy guidance names them for resource policies it is granted (an SNS topic, a KMS key for
 * `backup-storage.amazonaws.com`), not for the role it assumes, whose trust AWS's own default role
 * (`AWSBackupDefaultServiceRole`) leaves unconditioned:
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-service-confused-deputy-prevention.html,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/iam-service-roles.html
 */
export function backupTrustPolicy(): object {
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "AwsBackupAssumesThisRole", Effect: "Allow", Principal: { Service: BACKUP_PRINCIPAL }, Action: "sts:AssumeRole" }],
  };
}

/** The vault key's policy: the account administers it and delegates its use through IAM (the backup role's grants). */
export function vaultKeyPolicy(scope: Scope): object {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountAdministersAndDelegatesThroughIam",
        Effect: "Allow",
        Principal: { AWS: `arn:${scope.partition}:iam::${scope.account}:root` },
        Action: "kms:*",
        Resource: "*",
      },
    ],
  };
}

/**
 * What the backup role needs of the vault key, and only of it: AWS Backup encrypts the recovery points it copies into
 * the vault with that key, under a grant it makes for itself (`kms:GrantIsForAWSResource`).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
 */
export function vaultKeyGrantPolicy(keyArn: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "EncryptRecoveryPointsWithTheVaultKey",
        Effect: "Allow",
        Action: ["kms:DescribeKey", "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"],
        Resource: keyArn,
      },
      {
        Sid: "GrantForAwsBackupOnly",
        Effect: "Allow",
        Action: "kms:CreateGrant",
        Resource: keyArn,
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
    ],
  };
}

/** The backup's resources, for the stack's outputs and tests. */
export interface TableBackup {
  readonly vault: aws.backup.Vault;
  readonly plan: aws.backup.Plan;
}

/**
 * The vault (and its key) are kept when the backup is turned off or the stack destroyed (`retainOnDelete`): AWS Backup
 * refuses to delete a vault that holds recovery points, and each point is deleted at the end of its own retention.
 * Delete the vault by hand once it is empty (`aws backup delete-backup-vault`), then schedule its key's deletion.
 */
export function createTableBackup(table: aws.dynamodb.Table, scope: pulumi.Output<Scope>, label: string): TableBackup {
  const kept = { retainOnDelete: true };
  const key = new aws.kms.Key(
    "backup-vault-key",
    {
      description: `Encrypts the backups of the posts table of ${label}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: scope.apply((s) => JSON.stringify(vaultKeyPolicy(s))),
    },
    kept,
  );
  const vault = new aws.backup.Vault("backup-vault", { kmsKeyArn: key.arn }, kept);
  const plan = new aws.backup.Plan("backup-plan", {
    rules: [{ ruleName: RULE_NAME, targetVaultName: vault.name, schedule: SCHEDULE, lifecycle: { deleteAfter: RETENTION_DAYS } }],
  });
  // Named after the project, as the stack's other roles: the deployer may manage and pass only roles so named.
  const role = new aws.iam.Role(`${pulumi.getProject()}-backup-role`, {
    description: `AWS Backup backs up the posts table of ${label}`,
    assumeRolePolicy: JSON.stringify(backupTrustPolicy()),
  });
  const grants = [
    new aws.iam.RolePolicyAttachment("backup-role-backups", {
      role: role.name,
      policyArn: scope.apply((s) => `arn:${s.partition}:iam::aws:policy/${BACKUP_MANAGED_POLICY}`),
    }),
    new aws.iam.RolePolicy("backup-role-vault-key", { role: role.id, policy: key.arn.apply((arn) => JSON.stringify(vaultKeyGrantPolicy(arn))) }),
  ];
  // Exactly this table, by ARN; once the role holds its grants.
  new aws.backup.Selection("backup-selection", { planId: plan.id, iamRoleArn: role.arn, resources: [table.arn] }, { dependsOn: grants });
  return { vault, plan };
}
