/** AWS's input rules for Application Auto Scaling, each with its source (../README.md says how to add one). */
import { Check, DOC, formatCheck, len, MODEL, ResourceRules, SOURCES, tagRules, TF } from "../rules";

/** A scheduled action's name: no control characters, no `:`, `/` or `|`, no leading or trailing space. */
const SCHEDULED_ACTION_NAME: Check = {
  kind: "custom",
  what: "scheduled action name",
  test: (v) => {
    if (typeof v !== "string") return "must be a string";
    const control = [...v].some((c) => c.charCodeAt(0) <= 0x1f || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));
    if (control || /[:/|]/.test(v)) return "no control characters, `:`, `/` or `|`";
    return v.startsWith(" ") || v.endsWith(" ") ? "no leading or trailing space" : undefined;
  },
};

/** A number above zero (Application Auto Scaling's target values). */
const POSITIVE_NUMBER: Check = {
  kind: "custom",
  what: "positive number",
  test: (v) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? undefined : "must be a number above 0"),
};

/**
 * An Application Auto Scaling schedule expression, in the three forms its guide documents: `at(yyyy-mm-ddThh:mm:ss)`,
 * `rate(value unit)` with a positive whole value and minute(s), hour(s) or day(s), and `cron(...)` with six fields of
 * which day-of-month or day-of-week is `?` ("You can't specify the Day-of-month and Day-of-week fields in the same cron
 * expression"). A model of AWS's rule of its own, not the component's parser (src/schedule/expression.ts), so that the
 * parser is held to it rather than to itself.
 */
const SCHEDULE_EXPRESSION: Check = {
  kind: "custom",
  what: "schedule expression",
  test: (v) => {
    if (typeof v !== "string") return "must be a string";
    const match = /^(cron|rate|at)\((.*)\)$/.exec(v);
    if (!match) return "is not `cron(...)`, `rate(...)` or `at(...)`";
    const [, kind, body] = match;
    if (kind === "at") return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(body) ? undefined : "at(...) takes yyyy-mm-ddThh:mm:ss";
    if (kind === "rate") {
      const rate = /^([1-9]\d*) (minute|minutes|hour|hours|day|days)$/.exec(body);
      return rate ? undefined : "rate(...) takes a positive whole number and minute(s), hour(s) or day(s)";
    }
    const fields = body.split(" ");
    if (fields.length !== 6 || fields.some((f) => f === "")) return "cron(...) takes six fields separated by single spaces";
    const [, , dayOfMonth, , dayOfWeek] = fields;
    return (dayOfMonth === "?") !== (dayOfWeek === "?") ? undefined : "cron(...) needs `?` in exactly one of day-of-month and day-of-week";
  },
};

/** An IANA time zone name, as the runtime's ICU knows them. */
const IANA_TIME_ZONE: Check = {
  kind: "custom",
  what: "IANA time zone",
  test: (v) => (typeof v === "string" && Intl.supportedValuesOf("timeZone").concat("UTC").includes(v) ? undefined : "not an IANA time zone name"),
};

/** The input rules of Application Auto Scaling resource types, by type token. */
export const APPAUTOSCALING_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:appautoscaling/target:Target": {
    rules: [
      {
        path: "serviceNamespace",
        checks: [{ kind: "oneOf", values: ["ecs"] }],
        source: {
          doc: DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html") + " (ServiceNamespace; ecs for a service)",
          unverified: "only ecs is listed: the one namespace the component scales; AWS takes others",
        },
      },
      {
        path: "scalableDimension",
        checks: [{ kind: "oneOf", values: ["ecs:service:DesiredCount"] }],
        source: {
          doc:
            DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html") +
            " (ScalableDimension; ecs:service:DesiredCount for a service)",
          unverified: "only the ECS dimension is listed: the one the component scales; AWS takes others",
        },
      },
      {
        path: "resourceId",
        checks: [len(1, 1600), formatCheck(/^service\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,255}$/, "service/<cluster name>/<service name>")],
        source: {
          doc:
            DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html") +
            " (ResourceId: 1 to 1600; ECS service: service/<cluster-name>/<service-name>)",
          model: MODEL("application-autoscaling/2016-02-06", "RegisterScalableTargetRequest.ResourceId", "{min 1, max 1600, pattern \\p{Print}+}"),
        },
      },
      {
        path: "minCapacity",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: {
          tf: TF("appautoscaling/target.go", "min_capacity TypeInt (int32)"),
          doc: DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html"),
        },
      },
      {
        path: "maxCapacity",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: {
          tf: TF("appautoscaling/target.go", "max_capacity TypeInt (int32)"),
          doc: DOC("autoscaling/application/APIReference/API_RegisterScalableTarget.html"),
        },
      },
      ...tagRules(),
    ],
    note: "no name: a scalable target is keyed by namespace, resource id and dimension",
  },

  "aws:appautoscaling/policy:Policy": {
    rules: [
      {
        path: "name",
        checks: [len(1, 255), formatCheck(/^[\x20-\x7e]+$/, "printable characters")],
        source: {
          tf: TF("appautoscaling/policy.go", "name StringLenBetween(0, 255)"),
          doc: DOC("autoscaling/application/APIReference/API_PutScalingPolicy.html") + " (PolicyName: 1 to 256, \\p{Print}+)",
        },
      },
      {
        path: "policyType",
        checks: [{ kind: "oneOf", values: ["StepScaling", "TargetTrackingScaling", "PredictiveScaling"] }],
        source: { doc: DOC("autoscaling/application/APIReference/API_PutScalingPolicy.html") + " (PolicyType)" },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType",
        checks: [{ kind: "oneOf", values: ["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "ALBRequestCountPerTarget"] }],
        source: {
          doc:
            DOC("autoscaling/application/APIReference/API_PredefinedMetricSpecification.html") +
            " (PredefinedMetricType: the ECS service metrics and ALBRequestCountPerTarget)",
          unverified: "only the three metrics that apply to an ECS service are listed; the API's enum has more, for other services",
        },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.resourceLabel",
        checks: [
          len(1, 1023),
          formatCheck(
            /^app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}\/targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
            "app/<alb>/<id>/targetgroup/<target group>/<id>",
          ),
        ],
        source: {
          tf: TF("appautoscaling/policy.go", "resource_label StringLenBetween(0, 1023)"),
          doc:
            DOC("autoscaling/application/APIReference/API_PredefinedMetricSpecification.html") +
            " (ResourceLabel: 1 to 1023; for ALBRequestCountPerTarget, app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>)",
        },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.scaleInCooldown",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: {
          tf: TF("appautoscaling/policy.go", "scale_in_cooldown TypeInt"),
          doc: DOC("autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html"),
        },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.scaleOutCooldown",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: {
          tf: TF("appautoscaling/policy.go", "scale_out_cooldown TypeInt"),
          doc: DOC("autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html"),
        },
      },
      {
        path: "targetTrackingScalingPolicyConfiguration.targetValue",
        checks: [POSITIVE_NUMBER],
        source: {
          tf: TF("appautoscaling/policy.go", "target_value TypeFloat"),
          doc:
            DOC("autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html") +
            " (TargetValue: 8.515920e-109 to 1.174271e+108)",
        },
      },
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:appautoscaling/scheduledAction:ScheduledAction": {
    rules: [
      {
        path: "name",
        checks: [len(1, 256), SCHEDULED_ACTION_NAME],
        source: {
          tf: TF("appautoscaling/scheduled_action.go", "name (no validator: AWS refuses)"),
          model: MODEL(
            "application-autoscaling/2016-02-06",
            "PutScheduledActionRequest.ScheduledActionName",
            "{min 1, max 256, pattern (?!((^[ ]+.*)|(.*([\\u0000-\\u001f]|[\\u007f-\\u009f]|[:/|])+.*)|(.*[ ]+$))).+}",
          ),
        },
      },
      {
        path: "schedule",
        checks: [len(1, 1600), SCHEDULE_EXPRESSION],
        source: {
          tf: TF("appautoscaling/scheduled_action.go", "schedule (no validator: AWS refuses)"),
          doc:
            DOC("autoscaling/application/APIReference/API_PutScheduledAction.html") +
            " (Schedule: 1 to 1600; at(yyyy-mm-ddThh:mm:ss), rate(value unit), cron(6 fields)) and " +
            DOC("autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html"),
        },
      },
      {
        path: "timezone",
        checks: [len(1, 1600), IANA_TIME_ZONE],
        source: {
          tf: TF("appautoscaling/scheduled_action.go", "timezone (default UTC, no validator)"),
          doc: DOC("autoscaling/application/APIReference/API_PutScheduledAction.html") + " (Timezone: 1 to 1600, an IANA time zone name)",
        },
      },
      {
        path: "scalableTargetAction.minCapacity",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: { tf: TF("appautoscaling/scheduled_action.go", "scalable_target_action.min_capacity ValidateTypeStringNullableIntAtLeast(0)") },
      },
      {
        path: "scalableTargetAction.maxCapacity",
        checks: [{ kind: "intRange", min: 0, max: 2147483647 }],
        source: { tf: TF("appautoscaling/scheduled_action.go", "scalable_target_action.max_capacity ValidateTypeStringNullableIntAtLeast(0)") },
      },
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },
};
