/** AWS's input rules for SQS, each with its source (../README.md says how to add one). */
import { ARN, DOC, formatCheck, len, ResourceRules, SOURCES, tagRules, TF } from "../rules";
import { policyDocumentRules } from "./iam";

/** The input rules of SQS resource types, by type token. */
export const SQS_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:sqs/queue:Queue": {
    rules: [
      {
        path: "name",
        checks: [len(1, 80), formatCheck(/^[a-zA-Z0-9_-]+$/, "[a-zA-Z0-9_-] (a FIFO queue ends in .fifo; ours are standard)")],
        source: {
          tf: TF("sqs/queue.go", "name: validation in resourceQueueCustomizeDiff (1..80 [0-9A-Za-z_-], .fifo for FIFO)"),
          doc: DOC("AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html"),
        },
      },
      {
        path: "messageRetentionSeconds",
        checks: [{ kind: "intRange", min: 60, max: 1209600 }],
        source: {
          tf: TF("sqs/attribute_funcs.go", "message_retention_seconds IntBetween(60, 1209600)"),
          doc: DOC("AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html"),
        },
      },
      {
        path: "kmsMasterKeyId",
        checks: [formatCheck(ARN.kmsKey, "a KMS key ARN")],
        source: {
          doc:
            DOC("AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html") +
            " (KmsMasterKeyId: a key id, ARN or alias; ours is the key's ARN)",
        },
      },
      ...tagRules({ doc: DOC("AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-tags.html") }),
    ],
    autoName: {
      field: "name",
      maxLength: 80,
      suppressedBy: ["namePrefix"],
      source: {
        code: `${SOURCES.pulumiAutoName.code}; aws_sqs_queue: AutoName("name", 80, "-")`,
        unverified: "the 80 is SQS's own limit; pulumi-aws' override for aws_sqs_queue was not read at its source",
      },
    },
  },

  "aws:sqs/queuePolicy:QueuePolicy": {
    rules: [
      ...policyDocumentRules("policy", 8192, {
        doc: DOC("AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-policies.html") + " (a queue policy is at most 8,192 bytes)",
      }),
      {
        path: "queueUrl",
        checks: [formatCheck(/^https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/\d{12}\/[A-Za-z0-9_-]{1,80}(?:\.fifo)?$/, "a queue URL")],
        source: { doc: DOC("AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html") },
      },
    ],
  },
};
