/**
 * A validator of CloudWatch Embedded Metric Format documents, modelled on the rules AWS documents, for tests of the
 * service's real log lines. Each rule names its source:
 * - SPEC: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 *   (the document structure and the JSON schema it gives for validation).
 * - DIMENSION: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Dimension.html
 * - DATUM: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html (the units).
 * - PUT: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html (event age).
 */

/** The CloudWatch units (DATUM; SPEC's schema lists the same as the `Unit` pattern). */
export const CLOUDWATCH_UNITS: ReadonlySet<string> = new Set([
  "Seconds",
  "Microseconds",
  "Milliseconds",
  "Bytes",
  "Kilobytes",
  "Megabytes",
  "Gigabytes",
  "Terabytes",
  "Bits",
  "Kilobits",
  "Megabits",
  "Gigabits",
  "Terabits",
  "Percent",
  "Count",
  "Bytes/Second",
  "Kilobytes/Second",
  "Megabytes/Second",
  "Gigabytes/Second",
  "Terabytes/Second",
  "Bits/Second",
  "Kilobits/Second",
  "Megabits/Second",
  "Gigabits/Second",
  "Terabits/Second",
  "Count/Second",
  "None",
]);

/** The limits the rules use. */
export const EMF_LIMITS = {
  /** SPEC: "limited to a maximum size of 256 KB" (the page's older figure; 1 MB now: the smaller one is held). */
  documentBytes: 256 * 1024,
  /** SPEC: "This array MUST NOT contain more than 100 MetricDefinition objects." */
  metricsPerDirective: 100,
  /** SPEC: "Numeric array metric targets MUST NOT have more than 100 members." */
  valuesPerMetric: 100,
  /** SPEC: a DimensionSet "MUST NOT contain more than 30 dimension keys" (9 in older versions of the page). */
  keysPerDimensionSet: 30,
  /** SPEC's schema: Namespace, dimension references and metric names are strings of 1 to 255 characters. */
  nameLength: 255,
  /** DIMENSION: a value is 1 to 1,024 characters. */
  dimensionValueLength: 1024,
  /** PUT: an event more than 14 days old or more than 2 hours ahead is rejected. */
  pastMs: 14 * 86_400_000,
  futureMs: 2 * 3_600_000,
} as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isName(value: unknown): value is string {
  return typeof value === "string" && value.length >= 1 && value.length <= EMF_LIMITS.nameLength;
}

function extraMembers(object: Json, allowed: readonly string[]): string[] {
  return Object.keys(object).filter((key) => !allowed.includes(key));
}

/**
 * The problems of one log line as an EMF document; empty when CloudWatch would extract its metrics.
 * @param nowMs the time the line is ingested, for the event-age rule.
 */
export function validateEmfLine(line: string, nowMs: number): string[] {
  const problems: string[] = [];
  if (Buffer.byteLength(line, "utf8") > EMF_LIMITS.documentBytes) problems.push(`the document is over ${EMF_LIMITS.documentBytes} bytes`);
  let root: unknown;
  try {
    root = JSON.parse(line);
  } catch {
    return [...problems, "the line is not JSON (SPEC: a valid JSON object with no additional data)"];
  }
  if (!isObject(root)) return [...problems, "the line is not a JSON object"];
  const aws = root["_aws"];
  if (!isObject(aws)) return [...problems, "_aws is missing or not an object"];
  for (const extra of extraMembers(aws, ["Timestamp", "CloudWatchMetrics"])) problems.push(`_aws has an unknown member ${extra}`);
  const timestamp = aws["Timestamp"];
  if (!Number.isInteger(timestamp)) {
    problems.push("_aws.Timestamp is not an integer of ms since the epoch");
  } else if ((timestamp as number) < nowMs - EMF_LIMITS.pastMs || (timestamp as number) > nowMs + EMF_LIMITS.futureMs) {
    problems.push(`_aws.Timestamp ${String(timestamp)} is over 14 days old or over 2 hours ahead`);
  }
  const directives = aws["CloudWatchMetrics"];
  if (!Array.isArray(directives)) return [...problems, "_aws.CloudWatchMetrics is not an array"];
  directives.forEach((directive: unknown, d) => problems.push(...validateDirective(root, directive, `CloudWatchMetrics[${d}]`)));
  return problems;
}

function validateDirective(root: Json, directive: unknown, at: string): string[] {
  if (!isObject(directive)) return [`${at} is not an object`];
  const problems = extraMembers(directive, ["Namespace", "Dimensions", "Metrics"]).map((extra) => `${at} has an unknown member ${extra}`);
  if (!isName(directive["Namespace"])) problems.push(`${at}.Namespace is not a string of 1 to ${EMF_LIMITS.nameLength} characters`);
  const sets = directive["Dimensions"];
  if (!Array.isArray(sets) || sets.length === 0) {
    problems.push(`${at}.Dimensions is not a non-empty array of dimension sets`);
  } else {
    sets.forEach((set: unknown, s) => problems.push(...validateDimensionSet(root, set, `${at}.Dimensions[${s}]`)));
  }
  const metrics = directive["Metrics"];
  if (!Array.isArray(metrics)) return [...problems, `${at}.Metrics is not an array`];
  if (metrics.length > EMF_LIMITS.metricsPerDirective)
    problems.push(`${at}.Metrics has ${metrics.length} definitions, over ${EMF_LIMITS.metricsPerDirective}`);
  metrics.forEach((metric: unknown, m) => problems.push(...validateMetric(root, metric, `${at}.Metrics[${m}]`)));
  return problems;
}

function validateDimensionSet(root: Json, set: unknown, at: string): string[] {
  if (!Array.isArray(set)) return [`${at} is not an array of dimension keys`];
  const problems: string[] = [];
  if (set.length > EMF_LIMITS.keysPerDimensionSet) problems.push(`${at} has ${set.length} keys, over ${EMF_LIMITS.keysPerDimensionSet}`);
  for (const key of set) {
    if (!isName(key)) {
      problems.push(`${at} has a key that is not a string of 1 to ${EMF_LIMITS.nameLength} characters`);
      continue;
    }
    const value = root[key];
    if (typeof value !== "string") {
      problems.push(`dimension ${key} has no string member at the root`);
    } else if (value.length > EMF_LIMITS.dimensionValueLength || !/^[\x20-\x7e]+$/.test(value) || value.trim() === "") {
      problems.push(`dimension ${key}'s value is not 1 to ${EMF_LIMITS.dimensionValueLength} printable ASCII characters`);
    }
  }
  return problems;
}

function validateMetric(root: Json, metric: unknown, at: string): string[] {
  if (!isObject(metric)) return [`${at} is not an object`];
  const problems = extraMembers(metric, ["Name", "Unit", "StorageResolution"]).map((extra) => `${at} has an unknown member ${extra}`);
  const unit = metric["Unit"];
  if (unit !== undefined && (typeof unit !== "string" || !CLOUDWATCH_UNITS.has(unit)))
    problems.push(`${at}.Unit ${JSON.stringify(unit)} is not a CloudWatch unit`);
  const resolution = metric["StorageResolution"];
  if (resolution !== undefined && resolution !== 1 && resolution !== 60) problems.push(`${at}.StorageResolution is not 1 or 60`);
  const name = metric["Name"];
  if (!isName(name)) return [...problems, `${at}.Name is not a string of 1 to ${EMF_LIMITS.nameLength} characters`];
  const value = root[name];
  const numeric = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);
  if (Array.isArray(value)) {
    if (value.length > EMF_LIMITS.valuesPerMetric) problems.push(`metric ${name} has ${value.length} values, over ${EMF_LIMITS.valuesPerMetric}`);
    if (!value.every(numeric)) problems.push(`metric ${name} has a value that is not a number`);
  } else if (!numeric(value)) {
    problems.push(`metric ${name} has no numeric member at the root`);
  }
  return problems;
}
