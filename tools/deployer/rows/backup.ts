/**
 * Rows for the stack's opt-in table backup (`infra/backup.ts`, `twitterstream:backup`): the vault, the plan, the
 * selection, and the managed policy attached to the backup role. Its KMS key and role share the rows of `core.ts`.
 */
import { awsDoc, PASS_ROLE, tf } from "../sources";
import type { PermissionRow } from "../types";

/** The AWS Backup actions and the extra permissions creating a vault takes (`backup-storage:MountCapsule`, the key's grant). */
const BACKUP_IAM = awsDoc(
  "AWS Backup: access control, API permissions",
  "https://docs.aws.amazon.com/aws-backup/latest/devguide/access-control.html#backup-api-permissions-ref",
);

export const BACKUP_ROWS: readonly PermissionRow[] = [
  {
    token: "aws:backup/vault:Vault",
    kind: "resource",
    create: [
      "backup:CreateBackupVault",
      "backup:DescribeBackupVault",
      "backup:TagResource",
      "backup-storage:MountCapsule",
      "kms:CreateGrant",
      "kms:DescribeKey",
    ],
    read: ["backup:DescribeBackupVault", "backup:ListTags"],
    update: ["backup:TagResource", "backup:UntagResource"],
    delete: ["backup:DeleteBackupVault"],
    note: "Only with `backup`. A vault encrypted with a customer-managed key makes AWS Backup create a grant on it with the caller's credentials, and creating any vault needs `backup-storage:MountCapsule`. The stack keeps the vault on destroy (`retainOnDelete`): AWS Backup refuses to delete one that holds recovery points.",
    sources: [tf("backup/vault.go"), BACKUP_IAM],
  },
  {
    token: "aws:backup/plan:Plan",
    kind: "resource",
    create: ["backup:CreateBackupPlan", "backup:GetBackupPlan", "backup:TagResource"],
    read: ["backup:GetBackupPlan", "backup:ListTags"],
    update: ["backup:UpdateBackupPlan", "backup:GetBackupPlan", "backup:TagResource", "backup:UntagResource"],
    delete: ["backup:DeleteBackupPlan"],
    note: "Only with `backup`.",
    sources: [tf("backup/plan.go"), BACKUP_IAM],
  },
  {
    token: "aws:backup/selection:Selection",
    kind: "resource",
    create: ["backup:CreateBackupSelection", "backup:GetBackupSelection", "iam:PassRole"],
    read: ["backup:GetBackupSelection"],
    update: [],
    delete: ["backup:DeleteBackupSelection"],
    passRoleTo: "backup.amazonaws.com",
    note: "Only with `backup`. Every change replaces it. The selection passes the backup role to AWS Backup.",
    sources: [tf("backup/selection.go"), PASS_ROLE],
  },
  {
    token: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    kind: "resource",
    create: ["iam:AttachRolePolicy", "iam:ListAttachedRolePolicies"],
    read: ["iam:ListAttachedRolePolicies"],
    update: [],
    delete: ["iam:DetachRolePolicy"],
    note: "Only with `backup`: AWS's `AWSBackupServiceRolePolicyForBackup` on the backup role. The policy allows attaching and detaching that one managed policy only (`iam:PolicyARN`), so the deployer cannot attach any other policy to the stack's roles.",
    sources: [tf("iam/role_policy_attachment.go")],
  },
];
