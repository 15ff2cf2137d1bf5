/** AWS's input rules for KMS, each with its source (../README.md says how to add one). */
import { DOC, formatCheck, len, ResourceRules, tagRules, TF } from "../rules";
import { policyDocumentRules } from "./iam";

/** The input rules of KMS resource types, by type token. */
export const KMS_RULES: Readonly<Record<string, ResourceRules>> = {
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
};
