/**
 * The stack's CloudWatch dashboard body, as a pure function of resolved names: the service's figures (posts in and
 * out, skips by reason, the stream, the write queue and latency, posts read today), the table's DynamoDB errors, the
 * ECS service's tasks, and the state of every alarm. Structure and syntax:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
import { METRICS_NAMESPACE, REASON_DIMENSION, SERVICE_DIMENSION, SKIP_REASONS, type MetricName } from "../../service/src/metrics/names";
import { FIVE_MINUTES } from "./alarms";
import { CONTAINER_INSIGHTS_NAMESPACE, DYNAMODB_NAMESPACE, WRITE_OPERATION } from "./metrics";

/** What the dashboard shows, resolved. */
export interface DashboardInput {
  readonly region: string;
  readonly metricsService: string;
  readonly tableName: string;
  readonly clusterName: string;
  readonly serviceName: string;
  readonly alarmArns: readonly string[];
  /** The posts-read alarm's threshold, drawn on the posts-read graph; 0 = none. */
  readonly postsReadAlarmPerDay: number;
}

/** A metric line of a metric widget: namespace, name, dimension name/value pairs, then rendering options. */
type MetricLine = Array<string | { stat?: string; label?: string; yAxis?: "left" | "right" }>;

/** A widget of the body. */
export interface Widget {
  type: "metric" | "text" | "alarm";
  x: number;
  y: number;
  width: number;
  height: number;
  properties: Record<string, unknown>;
}

/** The dashboard's grid is 24 units wide. */
const GRID_WIDTH = 24;
const GRAPH_HEIGHT = 6;

/** The dashboard body (`JSON.stringify` it for `dashboardBody`). */
export function dashboardBody(input: DashboardInput): { start: string; periodOverride: "auto"; widgets: Widget[] } {
  const service = (name: MetricName, stat: string, label: string): MetricLine => [
    METRICS_NAMESPACE,
    name,
    SERVICE_DIMENSION,
    input.metricsService,
    { stat, label },
  ];
  const graph = (title: string, metrics: MetricLine[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    title,
    view: "timeSeries",
    stacked: false,
    region: input.region,
    period: FIVE_MINUTES,
    metrics,
    ...extra,
  });
  const rows: Array<Array<Record<string, unknown>>> = [
    [
      graph("Posts (per 5 minutes)", [
        service("PostsReceived", "Sum", "Received"),
        service("PostsMatched", "Sum", "Matched"),
        service("PostsStored", "Sum", "Stored"),
      ]),
      graph(
        "Skipped lines by reason",
        SKIP_REASONS.map((reason) => [
          METRICS_NAMESPACE,
          "PostsSkipped",
          SERVICE_DIMENSION,
          input.metricsService,
          REASON_DIMENSION,
          reason,
          { stat: "Sum", label: reason },
        ]),
      ),
    ],
    [
      graph(
        "Stream",
        [service("StreamConnected", "Minimum", "Connected (1 = all period)"), service("Reconnects", "Sum", "Reconnects")].map(rightAxisAfterFirst),
      ),
      graph("Write queue", [
        service("QueueDepth", "Maximum", "Queue depth (max)"),
        service("WriteRetries", "Sum", "Retries"),
        service("PostsDropped", "Sum", "Dropped"),
      ]),
      graph("Write latency (ms)", [
        service("WriteLatency", "p50", "p50"),
        service("WriteLatency", "p99", "p99"),
        service("WriteLatency", "Maximum", "max"),
      ]),
    ],
    [
      graph(
        "Posts read from X today (UTC)",
        [
          service("PostsReadToday", "Maximum", "Posts read today"),
          service("UsageCapExceeded", "Sum", "Usage-capped refusals"),
          service("RuleReadded", "Sum", "Rule re-added"),
        ].map(rightAxisAfterFirst),
        input.postsReadAlarmPerDay > 0 ? { annotations: { horizontal: [{ label: "Alarm", value: input.postsReadAlarmPerDay }] } } : {},
      ),
      graph("DynamoDB: the table", [
        [DYNAMODB_NAMESPACE, "WriteThrottleEvents", "TableName", input.tableName, { stat: "Sum", label: "Write throttle events" }],
        [
          DYNAMODB_NAMESPACE,
          "SystemErrors",
          "TableName",
          input.tableName,
          "Operation",
          WRITE_OPERATION,
          { stat: "Sum", label: `${WRITE_OPERATION} system errors` },
        ],
      ]),
      graph(
        "Tasks",
        [
          [
            CONTAINER_INSIGHTS_NAMESPACE,
            "RunningTaskCount",
            "ClusterName",
            input.clusterName,
            "ServiceName",
            input.serviceName,
            { stat: "Minimum", label: "Running (min)" },
          ],
          [
            CONTAINER_INSIGHTS_NAMESPACE,
            "DesiredTaskCount",
            "ClusterName",
            input.clusterName,
            "ServiceName",
            input.serviceName,
            { stat: "Maximum", label: "Desired" },
          ],
        ],
        { period: 60 },
      ),
    ],
  ];
  const widgets: Widget[] = [];
  let y = 0;
  for (const row of rows) {
    const width = GRID_WIDTH / row.length;
    row.forEach((properties, i) => widgets.push({ type: "metric", x: i * width, y, width, height: GRAPH_HEIGHT, properties }));
    y += GRAPH_HEIGHT;
  }
  if (input.alarmArns.length > 0) {
    widgets.push({ type: "alarm", x: 0, y, width: GRID_WIDTH, height: 3, properties: { title: "Alarms", alarms: [...input.alarmArns] } });
  }
  return { start: "-PT24H", periodOverride: "auto", widgets };
}

/** Draws every metric line but the first on the right axis (a count next to a 0/1 or a running total). */
function rightAxisAfterFirst(line: MetricLine, index: number): MetricLine {
  if (index === 0) return line;
  const options = line[line.length - 1];
  return typeof options === "string" ? line : [...line.slice(0, -1), { ...options, yAxis: "right" }];
}
