/**
 * The service's CloudWatch metrics: the contract between the service, which writes them in Embedded Metric Format
 * (EMF) in its `stats` log lines, and the stack's alarms and dashboard, which read them. CloudWatch Logs makes the
 * metrics from the lines itself, with no metric filter:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 *
 * One `stats` line per period (`STATS_INTERVAL_MS`, 30 s by default) and one more at shutdown, so that the lines of a
 * run add up to its totals. Each metric is either a delta (what happened in the period: read it with `Sum`) or a gauge
 * (a state: read it with the statistic given), so any CloudWatch period of at least one stats period reads right.
 *
 * Dependency-free on purpose: the stack (infra/) imports it too.
 */

/** The metrics' namespace. */
export const METRICS_NAMESPACE = "Twitterstream";

/** The dimension every metric has: which deployment wrote it. */
export const SERVICE_DIMENSION = "Service";

/** The second dimension of the per-reason {@link METRIC.PostsSkipped}: one of {@link SKIP_REASONS}. */
export const REASON_DIMENSION = "Reason";

/** The environment variable whose value becomes the `Service` dimension. */
export const METRICS_SERVICE_VARIABLE = "METRICS_SERVICE";

/** The `Service` dimension when {@link METRICS_SERVICE_VARIABLE} is unset (a local run). */
export const DEFAULT_METRICS_SERVICE = "twitterstream";

/**
 * The `Service` dimension value the stack sets: `<project>-<stack>`, e.g. `twitterstream-dev`. Not the ECS service's
 * name: that one is auto-named by Pulumi (a random suffix), known only after the service exists, and the service is
 * created from the task definition that would carry it (a cycle). Project and stack are known before anything runs,
 * so the alarms and the dashboard use the same value.
 */
export function metricsServiceName(project: string, stack: string): string {
  return `${project}-${stack}`;
}

/** The reasons a stream line is skipped, the values of the `Reason` dimension (`SkipReason` of service/src/intake/post.ts). */
export const SKIP_REASONS = ["not-json", "missing-fields", "stream-error", "oversized"] as const;

/** How a metric's values add up. */
export const MetricKind = {
  /** What happened in the stats period; summed over any longer period. */
  Delta: "delta",
  /** A state at (or over) the stats period; not to be summed. */
  Gauge: "gauge",
} as const;

/** A metric of the contract. */
export interface MetricSpec {
  /** CloudWatch unit: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html */
  readonly unit: "Count" | "Milliseconds" | "None";
  readonly kind: (typeof MetricKind)[keyof typeof MetricKind];
  /** The statistic that reads it right over any period. */
  readonly statistic: "Sum" | "Maximum" | "Minimum" | "p99";
  readonly description: string;
}

/** The metrics, by name. Every one has dimension set [Service]; `PostsSkipped` also [Service, Reason]. */
export const METRIC = {
  PostsReceived: {
    unit: "Count",
    kind: MetricKind.Delta,
    statistic: "Sum",
    description: "Non-empty stream lines read: matched + unmatched + skipped.",
  },
  PostsMatched: { unit: "Count", kind: MetricKind.Delta, statistic: "Sum", description: "Posts the filter matched." },
  PostsStored: { unit: "Count", kind: MetricKind.Delta, statistic: "Sum", description: "Items DynamoDB accepted." },
  PostsSkipped: {
    unit: "Count",
    kind: MetricKind.Delta,
    statistic: "Sum",
    description:
      "Stream lines skipped. [Service]: all reasons, in every stats line (0 included). [Service, Reason]: one line " +
      "per reason with skips in the period, so a reason's metric has no data point in periods without skips " +
      "(treat missing data as 0).",
  },
  WriteRetries: { unit: "Count", kind: MetricKind.Delta, statistic: "Sum", description: "DynamoDB write retries." },
  Reconnects: { unit: "Count", kind: MetricKind.Delta, statistic: "Sum", description: "Stream disconnects followed by a reconnect wait." },
  PostsDropped: {
    unit: "Count",
    kind: MetricKind.Delta,
    statistic: "Sum",
    description:
      "Matched posts dropped because the queue's memory and disk budgets (QUEUE_MEMORY_BYTES, SPILL_MAX_BYTES) were both spent, or lost with a failed spill disk.",
  },
  QueueDepth: {
    unit: "Count",
    kind: MetricKind.Gauge,
    statistic: "Maximum",
    description: "The period's highest number of items waiting to be written (the queue's high-water mark).",
  },
  WriteLatency: {
    unit: "Milliseconds",
    kind: MetricKind.Gauge,
    statistic: "p99",
    description:
      "BatchWriteCommand round trips of the period, as an EMF value array: each round trip when there were at most " +
      "100, else 100 evenly spaced quantiles (0 to 100 %) of the period, from a histogram 5 % wide. Percentiles, " +
      "Average and Maximum read right; SampleCount is capped at 100 per line (count writes with PostsStored).",
  },
  PostsReadToday: {
    unit: "Count",
    kind: MetricKind.Gauge,
    statistic: "Maximum",
    description:
      "Posts read from X so far in the current UTC day (what X bills, https://docs.x.com/x-api/fundamentals/post-cap): " +
      "a running total that restarts at 00:00 UTC and at each task start. Maximum over a period within one UTC day.",
  },
  StreamConnected: {
    unit: "None",
    kind: MetricKind.Gauge,
    statistic: "Minimum",
    description: "1 when the stream was connected for the whole stats period, else 0.",
  },
  UsageCapExceeded: {
    unit: "Count",
    kind: MetricKind.Delta,
    statistic: "Sum",
    description: "Stream connects refused with X's usage-capped 429 (problem type usage-capped, service/src/stream/xErrors.ts).",
  },
  RuleReadded: {
    unit: "Count",
    kind: MetricKind.Delta,
    statistic: "Sum",
    description:
      "Times the service found its rule missing from the stream (deleted behind its back; the service's periodic check " +
      "or a 409) and added it again: posts published meanwhile were not delivered.",
  },
} as const satisfies Record<string, MetricSpec>;

/** A metric name of the contract. */
export type MetricName = keyof typeof METRIC;

/** The metric names, in the order the stats line lists them. */
export const METRIC_NAMES = Object.keys(METRIC) as MetricName[];
