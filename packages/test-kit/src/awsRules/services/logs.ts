/** AWS's input rules for CloudWatch Logs, each with its source (../README.md says how to add one). */
import { ARN, DOC, formatCheck, LOG_GROUP_NAME, LOG_GROUP_SOURCE, ResourceRules, SOURCES, tagRules, TF } from "../rules";

/** The input rules of CloudWatch Logs resource types, by type token. */
export const LOGS_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:cloudwatch/logGroup:LogGroup": {
    rules: [
      { path: "name", checks: LOG_GROUP_NAME, source: LOG_GROUP_SOURCE },
      {
        path: "retentionInDays",
        checks: [
          { kind: "oneOf", values: [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] },
        ],
        source: {
          tf: TF("logs/group.go", "retention_in_days IntInSlice"),
          doc: DOC("AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html"),
        },
      },
      {
        path: "kmsKeyId",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: { doc: DOC("AmazonCloudWatchLogs/latest/APIReference/API_AssociateKmsKey.html") + " (kmsKeyId must be a key ARN)" },
      },
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, suppressedBy: ["namePrefix"], source: SOURCES.pulumiAutoName },
  },
};
