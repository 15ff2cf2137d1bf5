/** AWS's input rules for CloudWatch (alarms and dashboards), each with its source (../README.md says how to add one). */
import { dashboardBodyProblems } from "../dashboardBody";
import { ARN_SOURCE, arnCheck, Check, DOC, formatCheck, len, ResourceRules, SOURCES, tagRules, TF } from "../rules";

/** An alarm's metric queries: exactly one returns data, and none has both an expression and a metric. */
const METRIC_QUERIES: Check = {
  kind: "custom",
  what: "metric queries",
  test: (v) => {
    if (!Array.isArray(v)) return "must be a list";
    const queries = v as Array<{ expression?: unknown; metric?: unknown; returnData?: unknown }>;
    const returning = queries.filter((q) => q.returnData === true).length;
    if (returning !== 1) return `${returning} queries return data: exactly one must (the one the alarm watches)`;
    if (queries.some((q) => q.expression !== undefined && q.metric !== undefined)) return "a query has both an expression and a metric";
    return undefined;
  },
};

/** A dashboard body as CloudWatch's documented structure allows it (dashboardBody.ts). */
const DASHBOARD_BODY: Check = {
  kind: "custom",
  what: "dashboard body",
  test: (v) => {
    const problems = dashboardBodyProblems(v);
    return problems.length === 0 ? undefined : problems.join("; ");
  },
};

/** The input rules of CloudWatch resource types, by type token. */
export const CLOUDWATCH_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    rules: [
      {
        path: "name",
        checks: [len(1, 255)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "alarm_name StringLenBetween(1, 255)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "alarmDescription",
        checks: [len(0, 1024)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "alarm_description StringLenBetween(0, 1024)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "comparisonOperator",
        checks: [
          {
            kind: "oneOf",
            values: [
              "GreaterThanOrEqualToThreshold",
              "GreaterThanThreshold",
              "LessThanThreshold",
              "LessThanOrEqualToThreshold",
              "LessThanLowerOrGreaterThanUpperThreshold",
              "LessThanLowerThreshold",
              "GreaterThanUpperThreshold",
            ],
          },
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "comparison_operator StringInSlice(types.ComparisonOperator)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "treatMissingData",
        checks: [{ kind: "oneOf", values: ["breaching", "notBreaching", "ignore", "missing"] }],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "treat_missing_data StringInSlice(missingData*)"),
          doc: DOC("AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-missing-data"),
        },
      },
      {
        path: "statistic",
        checks: [{ kind: "oneOf", values: ["SampleCount", "Average", "Sum", "Minimum", "Maximum"] }],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "statistic StringInSlice(types.Statistic)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "period",
        checks: [
          {
            kind: "custom",
            what: "10, 20, 30 or a multiple of 60 seconds",
            test: (v) =>
              typeof v === "number" && ([10, 20, 30].includes(v) || (v >= 60 && v % 60 === 0))
                ? undefined
                : "is not 10, 20, 30 or a multiple of 60",
          },
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "period validMetricAlarmPeriod (10, 20, 30 or a multiple of 60)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "evaluationPeriods",
        checks: [{ kind: "intRange", min: 1, max: 1000000 }],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "evaluation_periods IntAtLeast(1)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "namespace",
        checks: [len(1, 255), formatCheck(/^[^:].*$/, "not starting with `:`")],
        source: {
          tf: TF("cloudwatch/validate.go", "validDashboardName / namespace StringLenBetween(1, 255), [^:].*"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "metricName",
        checks: [len(1, 255)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_name StringLenBetween(1, 255)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "alarmActions[]",
        checks: [arnCheck()],
        source: { ...ARN_SOURCE, doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html") },
      },
      {
        path: "okActions[]",
        checks: [arnCheck()],
        source: { ...ARN_SOURCE, doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html") },
      },
      {
        path: "alarmActions",
        checks: [
          {
            kind: "custom",
            what: "at most 5 actions",
            test: (v) => (Array.isArray(v) && v.length > 5 ? `${v.length} actions: at most 5` : undefined),
          },
        ],
        source: { doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html") + " (AlarmActions: maximum number of 5 items)" },
      },
      {
        path: "okActions",
        checks: [
          {
            kind: "custom",
            what: "at most 5 actions",
            test: (v) => (Array.isArray(v) && v.length > 5 ? `${v.length} actions: at most 5` : undefined),
          },
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "ok_actions MaxItems: 5"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "datapointsToAlarm",
        checks: [{ kind: "intRange", min: 1, max: 1000000 }],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "datapoints_to_alarm IntAtLeast(1)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"),
        },
      },
      {
        path: "metricQueries",
        checks: [METRIC_QUERIES],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query ConflictsWith metric_name; CustomizeDiff: no query with both expression and metric"),
          doc:
            DOC("AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html") +
            " (Metrics: one item has ReturnData true, the expression the alarm watches)",
        },
      },
      {
        path: "metricQueries[].id",
        checks: [len(1, 255), formatCheck(/^[a-z][A-Za-z0-9_]*$/, "a lowercase letter, then letters, digits and _")],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.id StringLenBetween(1, 255)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html") + " (Id: the first character must be a lowercase letter)",
        },
      },
      {
        path: "metricQueries[].expression",
        checks: [len(1, 1024)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.expression StringLenBetween(1, 1024)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html"),
        },
      },
      {
        path: "metricQueries[].metric.metricName",
        checks: [len(1, 255)],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.metric.metric_name StringLenBetween(1, 255)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_Metric.html"),
        },
      },
      {
        path: "metricQueries[].metric.namespace",
        checks: [len(1, 255), formatCheck(/^[^:].*$/, "not starting with `:`")],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.metric.namespace StringLenBetween(1, 255), [^:].*"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_Metric.html"),
        },
      },
      {
        path: "metricQueries[].metric.period",
        checks: [
          {
            kind: "custom",
            what: "1, 5, 10, 20, 30 or a multiple of 60 seconds",
            test: (v) =>
              typeof v === "number" && ([1, 5, 10, 20, 30].includes(v) || (v >= 60 && v % 60 === 0))
                ? undefined
                : "is not 1, 5, 10, 20, 30 or a multiple of 60",
          },
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.metric.period IntInSlice(1, 5, 10, 20, 30) or IntDivisibleBy(60)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_MetricStat.html"),
        },
      },
      {
        path: "metricQueries[].metric.stat",
        checks: [
          formatCheck(
            /^(?:SampleCount|Average|Sum|Minimum|Maximum|p\d{1,2}(?:\.\d{1,2})?|p100)$/,
            "a statistic (SampleCount, Average, Sum, Minimum, Maximum) or a percentile pNN",
          ),
        ],
        source: {
          tf: TF("cloudwatch/metric_alarm.go", "metric_query.metric.stat enum types.Statistic or the extended-statistic pattern"),
          doc: DOC("AmazonCloudWatch/latest/monitoring/Statistics-definitions.html"),
        },
      },
      ...tagRules({ doc: DOC("AmazonCloudWatch/latest/APIReference/API_TagResource.html") }),
    ],
    autoName: { field: "name", maxLength: 255, source: SOURCES.pulumiAutoName },
  },

  "aws:cloudwatch/dashboard:Dashboard": {
    rules: [
      {
        path: "dashboardName",
        checks: [len(1, 255), formatCheck(/^[0-9A-Za-z_-]+$/, "[0-9A-Za-z_-]")],
        source: {
          tf: TF("cloudwatch/validate.go", "validDashboardName (at most 255, ^[0-9A-Za-z_-]+$)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/API_PutDashboard.html"),
        },
      },
      {
        path: "dashboardBody",
        checks: [DASHBOARD_BODY],
        source: {
          tf: TF("cloudwatch/dashboard.go", "dashboard_body validation.StringIsJSON (structure unchecked)"),
          doc: DOC("AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html"),
        },
      },
    ],
  },
};
