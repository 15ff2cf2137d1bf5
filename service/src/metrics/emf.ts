/**
 * The `stats` lines as CloudWatch Embedded Metric Format (EMF) documents: the metrics of names.ts, made by CloudWatch
 * Logs from the lines themselves. An EMF document is the log line's JSON object with an `_aws` member (`Timestamp` in
 * ms and `CloudWatchMetrics`: directives of `Namespace`, `Dimensions` and `Metrics` [{ `Name`, `Unit` }]) and, at its
 * root, a member per dimension (a string) and per metric (a number, or an array of at most 100 numbers); a directive
 * lists at most 100 metrics:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 * The line's other members (the readable fields) are left alone by CloudWatch.
 */
import type { PeriodFigures, StatsSnapshot } from "../ops/stats";
import { METRIC, METRIC_NAMES, METRICS_NAMESPACE, REASON_DIMENSION, SERVICE_DIMENSION, SKIP_REASONS, type MetricName } from "./names";

/** A metric member's value: a number, or the values of the period (at most 100). */
export type MetricValue = number | readonly number[];

/** Metric values by name; a metric without a value is left out of the document. */
export type MetricValues = Partial<Record<MetricName, MetricValue>>;

/** The `_aws` member of an EMF document with one directive. */
export interface EmfMetadata {
  readonly Timestamp: number;
  readonly CloudWatchMetrics: ReadonlyArray<{
    readonly Namespace: string;
    readonly Dimensions: ReadonlyArray<readonly string[]>;
    readonly Metrics: ReadonlyArray<{ readonly Name: MetricName; readonly Unit: string }>;
  }>;
}

/**
 * The EMF members of one log line: `_aws` with one directive in the {@link METRICS_NAMESPACE} namespace whose one
 * dimension set is the keys of `dimensions`, then the dimension members, then the metric members (names.ts's order).
 */
export function emfMembers(timestampMs: number, dimensions: Readonly<Record<string, string>>, values: MetricValues): Record<string, unknown> {
  const names = METRIC_NAMES.filter((name) => values[name] !== undefined);
  const _aws: EmfMetadata = {
    Timestamp: timestampMs,
    CloudWatchMetrics: [
      {
        Namespace: METRICS_NAMESPACE,
        Dimensions: [Object.keys(dimensions)],
        Metrics: names.map((Name) => ({ Name, Unit: METRIC[Name].unit })),
      },
    ],
  };
  return { _aws, ...dimensions, ...Object.fromEntries(names.map((name) => [name, values[name]])) };
}

/** The cumulative counters a period's metrics are the differences of. */
type Totals = Pick<
  StatsSnapshot,
  "received" | "matched" | "stored" | "skipped" | "skippedByReason" | "retries" | "reconnects" | "usageCapped" | "rulesReadded"
> & {
  /** Matched posts dropped with both of the queue's budgets spent (the queue's count). */
  readonly dropped: number;
};

/** What one stats period adds to the log: the EMF members of its `stats` line, and one more line per skip reason. */
export interface PeriodDocuments {
  /** Members to add to the `stats` line. */
  readonly stats: Record<string, unknown>;
  /** One `stats_skipped` line's members per reason that skipped lines in the period, in {@link SKIP_REASONS} order. */
  readonly skippedByReason: Array<Record<string, unknown>>;
}

const NOTHING: Totals = {
  received: 0,
  matched: 0,
  stored: 0,
  skipped: 0,
  skippedByReason: { "not-json": 0, "missing-fields": 0, "stream-error": 0, oversized: 0 },
  retries: 0,
  reconnects: 0,
  usageCapped: 0,
  rulesReadded: 0,
  dropped: 0,
};

/**
 * Turns the service's cumulative counters into per-period EMF metrics: each call covers the time since the previous
 * one, so the lines of a run add up to its totals (names.ts: deltas are read with Sum, gauges with their statistic).
 */
export class PeriodMetrics {
  private previous: Totals = NOTHING;

  /** @param service the `Service` dimension's value (`METRICS_SERVICE`). */
  constructor(private readonly service: string) {}

  /**
   * The documents of the period that ends now.
   * @param totals the counters now, since the start.
   * @param figures the period's own latency values and connection state ({@link Stats.endPeriod}).
   * @param queueHighWater the most items waiting at once in the period.
   */
  next(totals: Totals, figures: PeriodFigures, queueHighWater: number, postsReadToday: number, timestampMs: number): PeriodDocuments {
    const before = this.previous;
    this.previous = { ...totals, skippedByReason: { ...totals.skippedByReason } };
    const values: MetricValues = {
      PostsReceived: totals.received - before.received,
      PostsMatched: totals.matched - before.matched,
      PostsStored: totals.stored - before.stored,
      PostsSkipped: totals.skipped - before.skipped,
      WriteRetries: totals.retries - before.retries,
      Reconnects: totals.reconnects - before.reconnects,
      PostsDropped: totals.dropped - before.dropped,
      QueueDepth: queueHighWater,
      ...(figures.writeLatencies.length === 0 ? {} : { WriteLatency: figures.writeLatencies }),
      PostsReadToday: postsReadToday,
      StreamConnected: figures.connectedThroughout ? 1 : 0,
      UsageCapExceeded: totals.usageCapped - before.usageCapped,
      RuleReadded: totals.rulesReadded - before.rulesReadded,
    };
    const dimensions = { [SERVICE_DIMENSION]: this.service };
    const skippedByReason = SKIP_REASONS.flatMap((reason) => {
      const count = totals.skippedByReason[reason] - before.skippedByReason[reason];
      return count === 0 ? [] : [emfMembers(timestampMs, { ...dimensions, [REASON_DIMENSION]: reason }, { PostsSkipped: count })];
    });
    return { stats: emfMembers(timestampMs, dimensions, values), skippedByReason };
  }
}
