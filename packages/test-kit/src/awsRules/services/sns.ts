/** AWS's input rules for SNS, each with its source (../README.md says how to add one). */
import { ARN_SOURCE, arnCheck, DOC, formatCheck, len, ResourceRules, SOURCES, tagRules, TF } from "../rules";
import { policyDocumentRules } from "./iam";

/** The input rules of SNS resource types, by type token. */
export const SNS_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:sns/topic:Topic": {
    rules: [
      {
        path: "name",
        checks: [len(1, 256), formatCheck(/^[0-9A-Za-z_-]+$/, "[0-9A-Za-z_-] (a standard topic)")],
        source: { tf: TF("sns/topic.go", "name: 1-256 of [0-9A-Za-z_-] for a standard topic"), doc: DOC("sns/latest/api/API_CreateTopic.html") },
      },
      {
        path: "kmsMasterKeyId",
        checks: [arnCheck()],
        source: {
          ...ARN_SOURCE,
          doc: DOC("sns/latest/api/API_SetTopicAttributes.html") + " (KmsMasterKeyId: a key ID, alias or ARN; the project passes the ARN)",
        },
      },
      ...tagRules({ doc: DOC("sns/latest/api/API_TagResource.html") }),
    ],
    autoName: { field: "name", maxLength: 256, source: SOURCES.pulumiAutoName },
  },

  "aws:sns/topicPolicy:TopicPolicy": {
    rules: [
      { path: "arn", checks: [arnCheck()], source: { ...ARN_SOURCE, doc: DOC("sns/latest/api/API_SetTopicAttributes.html") } },
      ...policyDocumentRules("policy", 30 * 1024, {
        doc:
          DOC("sns/latest/dg/sns-access-policy-language-api-permissions-reference.html") + " (policy quotas: 30 KB, one topic, a unique policy Id)",
      }),
    ],
  },

  "aws:sns/topicSubscription:TopicSubscription": {
    rules: [
      {
        path: "topic",
        checks: [arnCheck()],
        source: { tf: TF("sns/topic_subscription.go", "topic_arn verify.ValidARN"), doc: DOC("sns/latest/api/API_Subscribe.html") },
      },
      {
        path: "protocol",
        checks: [{ kind: "oneOf", values: ["application", "email", "email-json", "firehose", "http", "https", "lambda", "sms", "sqs"] }],
        source: {
          tf: TF("sns/topic_subscription.go", "protocol StringInSlice(subscriptionProtocol_Values())"),
          doc: DOC("sns/latest/api/API_Subscribe.html"),
        },
      },
      {
        path: "endpoint",
        checks: [formatCheck(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "a mail address (the project subscribes by email only)")],
        source: { doc: DOC("sns/latest/api/API_Subscribe.html") + " (Endpoint: for the email protocol, an email address)" },
      },
    ],
  },
};
