/**
 * CloudWatch's rules for a dashboard body, as "Dashboard Body Structure and Syntax" gives them:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 * PutDashboard refuses a body that breaks them (`InvalidParameterInput` with `DashboardValidationMessages`); Pulumi's
 * mocks, and terraform-provider-aws (which only checks that the body is JSON), accept anything.
 *
 * Checked here, for the widget types the project writes (metric, text, alarm) and any other type's common fields:
 * - the body is a JSON object with a `widgets` array of at most 500;
 * - each widget: `type` one of the documented ones; `properties` an object; `x` 0-23, `y` 0 or more, `width` 1-24,
 *   `height` 1-1000, all integers when present;
 * - metric widget: `region` given; `metrics` an array of metric lines, each `[namespace, metricName,
 *   (dimensionName, dimensionValue)*, options?]` (strings, then at most one object), or `[{expression, ...}]`;
 *   `stat` a statistic (Average, Minimum, Maximum, Sum, SampleCount, or a percentile such as p99); `period` 1, 5, 10,
 *   30, 60 or a multiple of 60; `view` one of timeSeries, singleValue, gauge, bar, pie, table; `annotations.horizontal`
 *   entries each with a numeric `value`;
 * - text widget: `markdown` a string;
 * - alarm widget: `alarms` 1 to 100 alarm ARNs.
 */

const WIDGET_TYPES = ["metric", "text", "log", "alarm", "explorer", "custom"];
const VIEWS = ["timeSeries", "singleValue", "gauge", "bar", "pie", "table"];
const STAT = /^(?:Average|Minimum|Maximum|Sum|SampleCount|p\d{1,2}(?:\.\d{1,2})?|p100)$/;
const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:\d{12}:alarm:.+$/;

/** Every problem of a dashboard body, one line each; none for a body CloudWatch accepts. */
export function dashboardBodyProblems(body: unknown): string[] {
  let parsed: unknown = body;
  if (typeof body === "string") {
    try {
      parsed = JSON.parse(body) as unknown;
    } catch (e) {
      return [`not JSON: ${(e as Error).message}`];
    }
  }
  if (!isObject(parsed)) return ["the body must be a JSON object"];
  const widgets = parsed.widgets;
  if (!Array.isArray(widgets)) return ["`widgets` must be an array (it may be empty)"];
  const problems: string[] = [];
  if (widgets.length > 500) problems.push(`${widgets.length} widgets: at most 500`);
  widgets.forEach((w: unknown, i) => problems.push(...widgetProblems(w).map((p) => `widgets[${i}]: ${p}`)));
  return problems;
}

function widgetProblems(widget: unknown): string[] {
  if (!isObject(widget)) return ["a widget must be an object"];
  const problems: string[] = [];
  if (typeof widget.type !== "string" || !WIDGET_TYPES.includes(widget.type))
    problems.push(`type ${JSON.stringify(widget.type)} is not one of ${WIDGET_TYPES.join(", ")}`);
  const ranges: Array<[string, number, number]> = [
    ["x", 0, 23],
    ["y", 0, Number.MAX_SAFE_INTEGER],
    ["width", 1, 24],
    ["height", 1, 1000],
  ];
  for (const [field, min, max] of ranges) {
    const v = widget[field];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= min && (v as number) <= max)) {
      problems.push(`${field} ${JSON.stringify(v)} must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max}`}`);
    }
  }
  const properties = widget.properties;
  if (!isObject(properties)) return [...problems, "properties must be an object"];
  if (widget.type === "metric") problems.push(...metricProblems(properties));
  if (widget.type === "text" && typeof properties.markdown !== "string") problems.push("a text widget needs properties.markdown");
  if (widget.type === "alarm") {
    const alarms = properties.alarms;
    if (!Array.isArray(alarms) || alarms.length < 1 || alarms.length > 100)
      problems.push("an alarm widget needs properties.alarms: 1 to 100 alarm ARNs");
    else {
      alarms.forEach((a: unknown, i) => {
        if (typeof a !== "string" || !ALARM_ARN.test(a)) problems.push(`properties.alarms[${i}] ${JSON.stringify(a)} is not an alarm ARN`);
      });
    }
  }
  return problems;
}

function metricProblems(p: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof p.region !== "string" || p.region === "") problems.push("a metric widget needs properties.region");
  if (p.view !== undefined && !(typeof p.view === "string" && VIEWS.includes(p.view)))
    problems.push(`view ${JSON.stringify(p.view)} is not one of ${VIEWS.join(", ")}`);
  if (p.stat !== undefined && !(typeof p.stat === "string" && STAT.test(p.stat)))
    problems.push(`stat ${JSON.stringify(p.stat)} is not a statistic`);
  if (p.period !== undefined && !periodOk(p.period))
    problems.push(`period ${JSON.stringify(p.period)} must be 1, 5, 10, 30, 60 or a multiple of 60`);
  const metrics = p.metrics;
  if (!Array.isArray(metrics) || metrics.length === 0) return [...problems, "a metric widget needs properties.metrics, a non-empty array"];
  metrics.forEach((line: unknown, i) => problems.push(...metricLineProblems(line).map((m) => `metrics[${i}]: ${m}`)));
  const horizontal = isObject(p.annotations) ? p.annotations.horizontal : undefined;
  if (horizontal !== undefined) {
    if (!Array.isArray(horizontal)) problems.push("annotations.horizontal must be an array");
    else {
      horizontal.forEach((a: unknown, i) => {
        if (!isObject(a) || typeof a.value !== "number") problems.push(`annotations.horizontal[${i}] needs a numeric value`);
      });
    }
  }
  return problems;
}

function metricLineProblems(line: unknown): string[] {
  if (!Array.isArray(line) || line.length === 0) return ["a metric line must be a non-empty array"];
  const last: unknown = line[line.length - 1];
  const options = isObject(last) ? last : undefined;
  const names = options === undefined ? line : line.slice(0, -1);
  if (names.length === 0) {
    return options !== undefined && typeof options.expression === "string"
      ? []
      : ["a line of one object must be an expression ({expression, ...})"];
  }
  const problems: string[] = [];
  if (!names.every((n) => typeof n === "string" && n !== ""))
    problems.push("namespace, metric name and dimensions must be non-empty strings, the options object last");
  else if (names.length < 2 || names.length % 2 !== 0)
    problems.push(`${names.length} strings: a namespace, a metric name, then dimension name/value pairs`);
  if (options?.stat !== undefined && !(typeof options.stat === "string" && STAT.test(options.stat)))
    problems.push(`stat ${JSON.stringify(options.stat)} is not a statistic`);
  if (options?.period !== undefined && !periodOk(options.period))
    problems.push(`period ${JSON.stringify(options.period)} must be 1, 5, 10, 30, 60 or a multiple of 60`);
  if (options?.yAxis !== undefined && options.yAxis !== "left" && options.yAxis !== "right")
    problems.push(`yAxis ${JSON.stringify(options.yAxis)} must be left or right`);
  return problems;
}

function periodOk(v: unknown): boolean {
  return typeof v === "number" && Number.isInteger(v) && ([1, 5, 10, 30].includes(v) || (v >= 60 && v % 60 === 0));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
