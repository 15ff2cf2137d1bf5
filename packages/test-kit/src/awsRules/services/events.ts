/** AWS's input rules for EventBridge (rules and targets), each with its source (../README.md says how to add one). */
import { ARN_SOURCE, arnCheck, Check, DOC, formatCheck, len, MODEL, ResourceRules, SOURCES, tagRules, TF } from "../rules";

/**
 * An event pattern's length as terraform-provider-aws measures it before PutRule: the pattern parsed and marshalled
 * again without whitespace (Go `len`, UTF-8 bytes), at most 4096. A pattern that is not JSON is reported by the
 * `eventPattern@json` rules; here its raw length counts.
 */
const EVENT_PATTERN_LENGTH: Check = {
  kind: "custom",
  what: "event pattern length",
  test: (v) => {
    if (typeof v !== "string" || v === "") return "must be a non-empty string";
    let compact = v;
    try {
      compact = JSON.stringify(JSON.parse(v));
    } catch {
      // not JSON: measured as is
    }
    const bytes = Buffer.byteLength(compact, "utf8");
    return bytes > 4096 ? `${bytes} bytes as compact JSON, at most 4096 allowed` : undefined;
  },
};

/** The input rules of EventBridge resource types, by type token. */
export const EVENTS_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:cloudwatch/eventRule:EventRule": {
    rules: [
      {
        path: "name",
        checks: [len(1, 64), formatCheck(/^[.\-_A-Za-z0-9]+$/, String.raw`[\.\-_A-Za-z0-9]`)],
        source: { tf: TF("events/validate.go", "validateRuleName"), doc: DOC("eventbridge/latest/APIReference/API_PutRule.html") },
      },
      {
        path: "description",
        checks: [len(0, 512)],
        source: {
          tf: TF("events/rule.go", "description StringLenBetween(0, 512)"),
          doc: DOC("eventbridge/latest/APIReference/API_PutRule.html"),
          model: MODEL("events/2015-10-07", "PutRuleRequest.Description", "{max: 512}"),
        },
      },
      {
        path: "eventPattern",
        checks: [EVENT_PATTERN_LENGTH],
        source: {
          tf: TF("events/rule.go", "event_pattern validateEventPatternValue (the re-marshalled, compact JSON, <>& unescaped, at most 4096)"),
          doc: DOC("eventbridge/latest/APIReference/API_PutRule.html"),
          model: MODEL("events/2015-10-07", "PutRuleRequest.EventPattern", "{max: 4096}"),
        },
      },
      {
        path: "eventPattern@json.resources[]",
        checks: [arnCheck()],
        source: { ...ARN_SOURCE, doc: DOC("eventbridge/latest/userguide/eb-event-patterns.html") },
      },
      ...tagRules(),
    ],
    autoName: {
      field: "name",
      maxLength: 64,
      suppressedBy: ["namePrefix"],
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_cloudwatch_event_rule: AutoName("name", 64, "-")` },
    },
  },

  "aws:cloudwatch/eventTarget:EventTarget": {
    rules: [
      {
        path: "targetId",
        checks: [len(1, 64), formatCheck(/^[.\-_A-Za-z0-9]+$/, String.raw`[\.\-_A-Za-z0-9]`)],
        source: { tf: TF("events/validate.go", "validateTargetID"), doc: DOC("eventbridge/latest/APIReference/API_Target.html") },
      },
      {
        path: "rule",
        checks: [len(1, 64), formatCheck(/^[.\-_A-Za-z0-9]+$/, String.raw`[\.\-_A-Za-z0-9]`)],
        source: { tf: TF("events/validate.go", "validateRuleName"), doc: DOC("eventbridge/latest/APIReference/API_PutTargets.html") },
      },
      { path: "arn", checks: [arnCheck()], source: { ...ARN_SOURCE, doc: DOC("eventbridge/latest/APIReference/API_Target.html") } },
      {
        path: "deadLetterConfig.arn",
        checks: [arnCheck(), len(1, 1600)],
        source: { ...ARN_SOURCE, doc: DOC("eventbridge/latest/APIReference/API_DeadLetterConfig.html") },
      },
      {
        path: "retryPolicy.maximumEventAgeInSeconds",
        checks: [{ kind: "intRange", min: 60, max: 86400 }],
        source: {
          tf: TF("events/target.go", "maximum_event_age_in_seconds IntBetween(60, 86400)"),
          doc: DOC("eventbridge/latest/APIReference/API_RetryPolicy.html"),
        },
      },
      {
        path: "retryPolicy.maximumRetryAttempts",
        checks: [{ kind: "intRange", min: 0, max: 185 }],
        source: {
          tf: TF("events/target.go", "maximum_retry_attempts IntBetween(0, 185)"),
          doc: DOC("eventbridge/latest/APIReference/API_RetryPolicy.html"),
        },
      },
    ],
    // pulumi-aws allows 255 here, AWS 64: a long logical name passes Pulumi and fails at PutTargets.
    autoName: {
      field: "targetId",
      maxLength: 255,
      source: { code: `${SOURCES.pulumiAutoName.code}; aws_cloudwatch_event_target: AutoName("targetId", 255, "-")` },
    },
  },
};
