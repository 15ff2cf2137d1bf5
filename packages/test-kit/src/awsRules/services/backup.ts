/**
 * AWS's input rules for AWS Backup (the stack's opt-in table backup, `infra/backup.ts`), each with its source
 * (../README.md says how to add one).
 */
import { ARN, arnCheck, ARN_SOURCE, formatCheck, len, type Check, type ResourceRules, type Source, SOURCES, tagRules, TF } from "../rules";

const API = (action: string): string => `https://docs.aws.amazon.com/aws-backup/latest/devguide/API_${action}.html`;

/** A vault name, as a plan rule's target names it too: 2 to 50 of `[a-zA-Z0-9_-]`. */
const VAULT_NAME: readonly Check[] = [len(2, 50), formatCheck(/^[a-zA-Z0-9_-]+$/, "[a-zA-Z0-9_-]")];

/**
 * A schedule expression: AWS Backup takes a `cron(...)` expression of six fields (minutes, hours, day of month, month,
 * day of week, year), one of day of month and day of week `?`, as EventBridge does.
 */
const CRON: Check = {
  kind: "custom",
  what: "cron(<6 fields>) with one of day-of-month and day-of-week `?`",
  test: (v) => {
    const m = typeof v === "string" ? /^cron\((.*)\)$/.exec(v) : null;
    const fields = m ? m[1].trim().split(/\s+/) : [];
    if (fields.length !== 6) return "not cron(...) of six fields";
    return (fields[2] === "?") !== (fields[4] === "?") ? undefined : "exactly one of day-of-month and day-of-week must be `?`";
  },
};

const SCHEDULE_SOURCE: Source = {
  tf: TF("backup/plan.go", "rule.schedule"),
  doc: API("BackupRuleInput") + " (ScheduleExpression: a cron expression in UTC)",
};

/** The input rules of AWS Backup resource types, by type token. */
export const BACKUP_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:backup/vault:Vault": {
    rules: [
      {
        path: "name",
        checks: VAULT_NAME,
        source: { tf: TF("backup/vault.go", "name StringLenBetween(2, 50), ^[a-zA-Z0-9\\-\\_]*$"), doc: API("CreateBackupVault") },
      },
      {
        path: "kmsKeyArn",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: { tf: TF("backup/vault.go", "kms_key_arn verify.ValidARN"), doc: API("CreateBackupVault") },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:backup/plan:Plan": {
    rules: [
      {
        path: "rules[].ruleName",
        checks: [len(1, 50), formatCheck(/^[0-9A-Za-z_.-]+$/, "[0-9A-Za-z_.-]")],
        source: { tf: TF("backup/plan.go", "rule_name StringLenBetween(1, 50), ^[0-9A-Za-z_.-]+$"), doc: API("BackupRuleInput") },
      },
      {
        path: "rules[].targetVaultName",
        checks: VAULT_NAME,
        source: { tf: TF("backup/plan.go", "target_vault_name StringLenBetween(2, 50), ^[0-9A-Za-z_-]+$"), doc: API("BackupRuleInput") },
      },
      { path: "rules[].schedule", checks: [CRON], source: SCHEDULE_SOURCE },
      {
        path: "rules[].lifecycle.deleteAfter",
        // AWS's minimum is one day; the API takes a long, and a warm-only rule has no cold-storage floor of 90 days.
        checks: [{ kind: "intRange", min: 1, max: 36_500 }],
        source: {
          doc: API("Lifecycle") + " (DeleteAfterDays; at least 90 days after MoveToColdStorageAfterDays, which this rule does not set)",
          unverified: "the upper bound: the API reference gives none; 100 years stands for 'any retention a plan sets'",
        },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:backup/selection:Selection": {
    rules: [
      {
        path: "name",
        checks: [len(1, 50), formatCheck(/^[0-9A-Za-z_.-]+$/, "[0-9A-Za-z_.-]")],
        source: { tf: TF("backup/selection.go", "name StringLenBetween(1, 50), ^[0-9A-Za-z_.-]+$"), doc: API("BackupSelection") },
      },
      {
        path: "iamRoleArn",
        checks: [formatCheck(ARN.iamRole, "an IAM role ARN")],
        source: { tf: TF("backup/selection.go", "iam_role_arn verify.ValidARN"), doc: API("BackupSelection") },
      },
      { path: "resources[]", checks: [arnCheck()], source: { ...ARN_SOURCE, doc: API("BackupSelection") + " (Resources: ARNs, up to 500)" } },
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },
};
