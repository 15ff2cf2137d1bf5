/** AWS's input rules for EventBridge Scheduler, each with its source (../README.md says how to add one). */
import { ARN, ARN_SOURCE, arnCheck, DOC, formatCheck, len, ResourceRules, SOURCES, TF } from "../rules";

/** The input rules of EventBridge Scheduler resource types, by type token. */
export const SCHEDULER_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:scheduler/schedule:Schedule": {
    rules: [
      {
        path: "name",
        checks: [len(1, 64), formatCheck(/^[0-9A-Za-z_.-]+$/, "[0-9A-Za-z_.-]")],
        source: {
          tf: TF("scheduler/schedule.go", "name StringLenBetween(1, 64), StringMatch(^[0-9A-Za-z_.-]+$)"),
          doc: DOC("scheduler/latest/APIReference/API_CreateSchedule.html"),
        },
      },
      {
        path: "description",
        checks: [len(0, 512)],
        source: {
          tf: TF("scheduler/schedule.go", "description StringLenBetween(0, 512)"),
          doc: DOC("scheduler/latest/APIReference/API_CreateSchedule.html"),
        },
      },
      {
        path: "scheduleExpression",
        checks: [len(1, 256), formatCheck(/^(?:cron|rate|at)\(.+\)$/, "cron(...), rate(...) or at(...)")],
        source: {
          tf: TF("scheduler/schedule.go", "schedule_expression StringLenBetween(1, 256)"),
          doc: `${DOC("scheduler/latest/APIReference/API_CreateSchedule.html")}; ${DOC("scheduler/latest/UserGuide/schedule-types.html")}`,
        },
      },
      {
        path: "scheduleExpressionTimezone",
        checks: [len(1, 50)],
        source: {
          tf: TF("scheduler/schedule.go", "schedule_expression_timezone StringLenBetween(1, 50)"),
          doc: DOC("scheduler/latest/APIReference/API_CreateSchedule.html"),
        },
      },
      {
        path: "flexibleTimeWindow.mode",
        checks: [{ kind: "oneOf", values: ["OFF", "FLEXIBLE"] }],
        source: {
          tf: TF("scheduler/schedule.go", "flexible_time_window.mode enum FlexibleTimeWindowMode"),
          doc: DOC("scheduler/latest/APIReference/API_FlexibleTimeWindow.html"),
        },
      },
      {
        path: "flexibleTimeWindow.maximumWindowInMinutes",
        checks: [{ kind: "intRange", min: 1, max: 1440 }],
        source: {
          tf: TF("scheduler/schedule.go", "flexible_time_window.maximum_window_in_minutes IntBetween(1, 1440)"),
          doc: DOC("scheduler/latest/APIReference/API_FlexibleTimeWindow.html"),
        },
      },
      {
        path: "state",
        checks: [{ kind: "oneOf", values: ["ENABLED", "DISABLED"] }],
        source: { tf: TF("scheduler/schedule.go", "state enum ScheduleState"), doc: DOC("scheduler/latest/APIReference/API_CreateSchedule.html") },
      },
      {
        path: "target.arn",
        checks: [formatCheck(ARN.ecsCluster, "an ECS cluster ARN")],
        source: { ...ARN_SOURCE, doc: DOC("scheduler/latest/APIReference/API_Target.html") },
      },
      {
        path: "target.roleArn",
        checks: [formatCheck(ARN.iamRole, "an IAM role ARN")],
        source: { ...ARN_SOURCE, doc: DOC("scheduler/latest/APIReference/API_Target.html") },
      },
      {
        path: "target.ecsParameters.taskDefinitionArn",
        checks: [arnCheck()],
        source: { ...ARN_SOURCE, doc: DOC("scheduler/latest/APIReference/API_EcsParameters.html") },
      },
      {
        path: "target.ecsParameters.taskCount",
        checks: [{ kind: "intRange", min: 1, max: 10 }],
        source: {
          tf: TF("scheduler/schedule.go", "ecs_parameters.task_count IntBetween(0, 10)"),
          doc: DOC("scheduler/latest/APIReference/API_EcsParameters.html") + " (TaskCount: 1 to 10)",
        },
      },
      {
        path: "target.ecsParameters.launchType",
        checks: [{ kind: "oneOf", values: ["EC2", "FARGATE", "EXTERNAL"] }],
        source: {
          tf: TF("scheduler/schedule.go", "ecs_parameters.launch_type enum LaunchType"),
          doc: DOC("scheduler/latest/APIReference/API_EcsParameters.html"),
        },
      },
      {
        path: "target.ecsParameters.propagateTags",
        checks: [{ kind: "oneOf", values: ["TASK_DEFINITION"] }],
        source: {
          tf: TF("scheduler/schedule.go", "ecs_parameters.propagate_tags enum PropagateTags"),
          doc: DOC("scheduler/latest/APIReference/API_EcsParameters.html"),
        },
      },
      {
        path: "target.retryPolicy.maximumRetryAttempts",
        checks: [{ kind: "intRange", min: 0, max: 185 }],
        source: {
          tf: TF("scheduler/schedule.go", "retry_policy.maximum_retry_attempts IntBetween(0, 185)"),
          doc: DOC("scheduler/latest/APIReference/API_RetryPolicy.html"),
        },
      },
      {
        path: "target.retryPolicy.maximumEventAgeInSeconds",
        checks: [{ kind: "intRange", min: 60, max: 86400 }],
        source: {
          tf: TF("scheduler/schedule.go", "retry_policy.maximum_event_age_in_seconds IntBetween(60, 86400)"),
          doc: DOC("scheduler/latest/APIReference/API_RetryPolicy.html"),
        },
      },
      {
        path: "target.deadLetterConfig.arn",
        checks: [formatCheck(/^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9_-]+$/, "an SQS queue ARN"), len(1, 1600)],
        source: {
          doc: `${DOC("AWSCloudFormation/latest/UserGuide/aws-properties-scheduler-schedule-deadletterconfig.html")} (Arn: pattern ^arn:aws[a-z-]*:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+$, length 1 to 1600); ${DOC("scheduler/latest/UserGuide/configuring-schedule-dlq.html")} (a standard queue: no FIFO)`,
        },
      },
    ],
    // pulumi-aws allows 255 here, AWS 64: the name rule above catches a logical name too long for 64.
    autoName: { field: "name", maxLength: 255, suppressedBy: ["namePrefix"], source: SOURCES.pulumiAutoName },
  },
};
