/**
 * The stack's alarms, as pure data: what each watches, when it fires and why that threshold. `monitoring.ts` makes one
 * `aws.cloudwatch.MetricAlarm` of each, all notifying the alarm topic.
 *
 * Alarm semantics: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html (an alarm
 * fires when `datapointsToAlarm` of the last `evaluationPeriods` periods breach); metric math, `IF` and its logical
 * operators: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { ecsServiceMetric, serviceMetric, tableMetric, WRITE_OPERATION, type MetricRef, type MonitoredStack } from "./metrics";

/** The settings of the alarms a stack chooses (`Pulumi.yaml`: `noPostsStoredMinutes`, `postsReadAlarmPerDay`). */
export interface AlarmSettings {
  /** Minutes connected without a post stored before the alarm fires: a multiple of {@link FIVE_MINUTES} / 60. */
  readonly noPostsStoredMinutes: number;
  /** Posts read from X in one UTC day at which the alarm fires; 0 = no such alarm. */
  readonly postsReadAlarmPerDay: number;
}

/** The period of most alarms, in seconds. */
export const FIVE_MINUTES = 300;
const FIFTEEN_MINUTES = 900;
const ONE_MINUTE = 60;

/**
 * Reconnects in 15 minutes that make a storm: a fifth of X's connect rate limit (50 connects per 15 minutes per app,
 * https://docs.x.com/x-api/fundamentals/rate-limits). A healthy stream reconnects a few times a day; at this rate the
 * reconnect policy is cycling, and a few more minutes of it would get the app rate-limited (429) as well.
 */
export const RECONNECT_STORM = 10;

/** Skipped lines, in percent of lines read in 15 minutes, that fire the skipped-line alarm: normally 0. */
export const SKIPPED_PERCENT = 5;
/** Lines read in the 15 minutes below which the skipped rate is taken as 0: a handful of lines says nothing. */
export const SKIPPED_MIN_LINES = 20;

/** Minutes in the last five with fewer tasks running than desired that fire the task alarm (a restart takes 1-2). */
const TASKS_BELOW_DESIRED = { evaluationPeriods: 5, datapointsToAlarm: 3 } as const;

/** One query of a metric-math alarm. */
export interface AlarmQuery {
  readonly id: string;
  readonly metric?: MetricRef;
  readonly expression?: string;
  readonly label?: string;
  readonly returnData?: boolean;
}

/** One alarm of the stack. */
export interface AlarmSpec {
  /** Stable suffix of the child's name (`twitterstream-<suffix>`), and the alarm's short name on the dashboard. */
  readonly suffix: string;
  readonly description: string;
  readonly comparisonOperator: "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold";
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  /**
   * Missing data does not breach: the service writes every metric but `Reason`-split skips in every stats line, so a
   * gap means no task is running, which the task alarm reports.
   */
  readonly treatMissingData: "notBreaching";
  /** Exactly one of `metric` and `queries`. */
  readonly metric?: MetricRef;
  readonly queries?: readonly AlarmQuery[];
}

/** The alarms of a stack, in the order the dashboard shows them. */
export function alarmSpecs(stack: MonitoredStack, settings: AlarmSettings): AlarmSpec[] {
  const periods = (settings.noPostsStoredMinutes * 60) / FIVE_MINUTES;
  const specs: AlarmSpec[] = [
    {
      suffix: "no-posts-stored",
      description:
        `No post stored for ${settings.noPostsStoredMinutes} minutes while the stream was connected: the filter matches ` +
        "nothing (or X sends nothing), or writes fail. Check the service's log and the posts received and matched.",
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      treatMissingData: "notBreaching",
      queries: [
        { id: "stored", metric: serviceMetric(stack, "PostsStored", FIVE_MINUTES), returnData: false },
        { id: "connected", metric: serviceMetric(stack, "StreamConnected", FIVE_MINUTES), returnData: false },
        { id: "idle", expression: "IF(connected >= 1 AND stored == 0, 1, 0)", label: "Connected, nothing stored", returnData: true },
      ],
    },
    {
      suffix: "reconnect-storm",
      description: `${RECONNECT_STORM} or more stream reconnects in 15 minutes (X allows 50 connects per 15 minutes): the stream keeps failing.`,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: RECONNECT_STORM,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "notBreaching",
      metric: serviceMetric(stack, "Reconnects", FIFTEEN_MINUTES),
    },
    {
      suffix: "skipped-lines",
      description: `More than ${SKIPPED_PERCENT} % of the stream lines read in 15 minutes were skipped (not JSON, fields missing, stream errors, oversized): see PostsSkipped by Reason.`,
      comparisonOperator: "GreaterThanThreshold",
      threshold: SKIPPED_PERCENT,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "notBreaching",
      queries: [
        { id: "received", metric: serviceMetric(stack, "PostsReceived", FIFTEEN_MINUTES), returnData: false },
        { id: "skipped", metric: serviceMetric(stack, "PostsSkipped", FIFTEEN_MINUTES), returnData: false },
        {
          id: "skippedPercent",
          expression: `IF(received >= ${SKIPPED_MIN_LINES}, 100 * skipped / received, 0)`,
          label: "Skipped lines (%)",
          returnData: true,
        },
      ],
    },
    {
      suffix: "posts-dropped",
      description:
        "Matched posts were dropped: the write queue's memory and disk budgets were both spent (DynamoDB too slow or failing for long), or its spill disk failed.",
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "notBreaching",
      metric: serviceMetric(stack, "PostsDropped", FIVE_MINUTES),
    },
    {
      suffix: "table-throttled",
      description: "DynamoDB throttled writes to the table in two 5-minute periods in a row: the service retries, the queue grows.",
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: "notBreaching",
      metric: tableMetric(stack, "WriteThrottleEvents", FIVE_MINUTES),
    },
    {
      suffix: "table-errors",
      description: `DynamoDB answered ${WRITE_OPERATION} on the table with server errors (HTTP 500).`,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "notBreaching",
      metric: tableMetric(stack, "SystemErrors", FIVE_MINUTES, WRITE_OPERATION),
    },
    {
      suffix: "tasks-below-desired",
      description:
        "Fewer tasks running than desired for 3 of the last 5 minutes: a task stopped and its replacement does not " +
        "start or keeps failing. `npm run doctor` tells why.",
      comparisonOperator: "GreaterThanThreshold",
      threshold: 0,
      ...TASKS_BELOW_DESIRED,
      treatMissingData: "notBreaching",
      queries: [
        { id: "running", metric: ecsServiceMetric(stack, "RunningTaskCount", "Minimum", ONE_MINUTE), returnData: false },
        { id: "desired", metric: ecsServiceMetric(stack, "DesiredTaskCount", "Maximum", ONE_MINUTE), returnData: false },
        { id: "missing", expression: "desired - running", label: "Tasks missing", returnData: true },
      ],
    },
    {
      suffix: "usage-capped",
      description: "X refused the stream with a usage-capped 429: the plan's post cap is spent, and no post is read until it resets.",
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "notBreaching",
      metric: serviceMetric(stack, "UsageCapExceeded", FIVE_MINUTES),
    },
    {
      suffix: "rule-readded",
      description:
        "The service found its X rule missing (deleted by someone else on the X app) and added it again: posts " +
        "published meanwhile were not delivered. Find who deletes rules on the app (another stack or tool sharing it).",
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "notBreaching",
      metric: serviceMetric(stack, "RuleReadded", FIVE_MINUTES),
    },
  ];
  if (settings.postsReadAlarmPerDay > 0) {
    specs.push({
      suffix: "posts-read-today",
      description:
        `${settings.postsReadAlarmPerDay} or more posts read from X today (UTC), what X bills: raise postsReadAlarmPerDay, ` +
        "narrow the filter, or stop the service (desiredCount 0).",
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: settings.postsReadAlarmPerDay,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "notBreaching",
      metric: serviceMetric(stack, "PostsReadToday", FIVE_MINUTES),
    });
  }
  return specs;
}

/** The inputs of the `aws.cloudwatch.MetricAlarm` of a spec. */
export function metricAlarmArgs(spec: AlarmSpec, actions: pulumi.Input<string>[]): aws.cloudwatch.MetricAlarmArgs {
  const common = {
    alarmDescription: spec.description,
    comparisonOperator: spec.comparisonOperator,
    threshold: spec.threshold,
    evaluationPeriods: spec.evaluationPeriods,
    datapointsToAlarm: spec.datapointsToAlarm,
    treatMissingData: spec.treatMissingData,
    alarmActions: actions,
    okActions: actions,
  };
  if (spec.metric !== undefined) {
    const { namespace, metricName, dimensions, stat, period } = spec.metric;
    return { ...common, namespace, metricName, dimensions, statistic: stat, period };
  }
  return {
    ...common,
    metricQueries: (spec.queries ?? []).map((q) => ({
      id: q.id,
      ...(q.expression === undefined ? {} : { expression: q.expression }),
      ...(q.label === undefined ? {} : { label: q.label }),
      returnData: q.returnData ?? false,
      ...(q.metric === undefined
        ? {}
        : {
            metric: {
              namespace: q.metric.namespace,
              metricName: q.metric.metricName,
              dimensions: q.metric.dimensions,
              stat: q.metric.stat,
              period: q.metric.period,
            },
          }),
    })),
  };
}
