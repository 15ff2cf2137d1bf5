/**
 * The container's configuration, read from the environment once at start. Every problem is a {@link ConfigError}
 * whose one-line message names the variable, says what is wrong and how to fix it; credential values never appear
 * in a message.
 */
import type { BackoffPolicy } from "./stream/backoff";
import { FilterError, parseFilter, type Filter } from "./x/filter";
import { DEFAULT_METRICS_SERVICE, METRICS_SERVICE_VARIABLE } from "./metrics/names";
import { withRetweetClause } from "./intake/post";

/** A configuration problem, reported at start as one line. */
export class ConfigError extends Error {
  /** @param variable the environment variable at fault. */
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** X credentials. `bearerToken`, when set, is used as is; otherwise one is obtained from the consumer key pair. */
export interface Credentials {
  readonly bearerToken?: string;
  readonly consumerKey?: string;
  readonly consumerSecret?: string;
  /** Accepted for the blog's task definition; the app-only filtered stream does not use them. */
  readonly accessToken?: string;
  readonly accessTokenSecret?: string;
}

/** Everything the service reads from its environment. */
export interface Config {
  readonly table: string;
  readonly region: string;
  /** FILTER and the X rule it makes (with `-is:retweet` when `EXCLUDE_RETWEETS=true`). */
  readonly filter: Filter;
  readonly credentials: Credentials;
  /** X API origin. @default "https://api.x.com" */
  readonly xApiBaseUrl: URL;
  /** Time limit of a token or rules request to X. @default 10000 */
  readonly xRequestTimeoutMs: number;
  /** Tag of the rule this deployment owns; the stack sets `<project>-<stack>`, unique per stack. @default "twitterstream" */
  readonly ruleTag: string;
  /**
   * Time between two checks that our rule is still on the stream (each one reads the rules: X allows 450 reads per
   * 15 minutes per app, one per 2 s; the default is 15 per 15 minutes). @default 60000
   */
  readonly ruleCheckIntervalMs: number;
  readonly backoff: BackoffPolicy;
  /**
   * No data or heartbeat for this long means the connection is dead. X sends a heartbeat about every 20 s, but gaps
   * of 21-22 s are reported (HunterLarco/twitter-v2#64): 60 s is three heartbeats, which no on-time one can trip.
   * @default 60000
   */
  readonly stallTimeoutMs: number;
  /**
   * The file the service rewrites while the stream is alive (data or X's keep-alive), which the container health
   * check reads (`dist/health.js`). @default "/tmp/twitterstream.heartbeat"
   */
  readonly heartbeatFile: string;
  /** The longest X rule the plan accepts: 1,024 characters on pay-per-use, 2,048 on Enterprise. @default 1024 */
  readonly xRuleMaxLength: number;
  /** Minutes of missed posts X re-sends on each (re)connect (`backfill_minutes`, Enterprise only). @default - none */
  readonly backfillMinutes?: number;
  /** Longest stream line kept, in bytes. @default 1048576 */
  readonly maxLineBytes: number;
  /** Bytes of items waiting to be written held in memory (an upper estimate); beyond it they spill to disk. @default 67108864 */
  readonly queueMemoryBytes: number;
  /** The directory of the spill files: in a writable volume of the task (its `/tmp`). @default "/tmp/twitterstream-spill" */
  readonly spillDir: string;
  /** Bytes the spill files may hold; 0: no spill (items over the memory budget are dropped). @default 4294967296 */
  readonly spillMaxBytes: number;
  /** BatchWriteCommand requests in flight. @default 8 */
  readonly writeConcurrency: number;
  /** First DynamoDB retry wait (full jitter, doubling). @default 100 */
  readonly writeRetryBaseMs: number;
  /** Cap of the DynamoDB retry wait. @default 10000 */
  readonly writeRetryMaxMs: number;
  /** Time limit of one DynamoDB request. @default 10000 */
  readonly writeTimeoutMs: number;
  /** Period of the stats log line. @default 30000 */
  readonly statsIntervalMs: number;
  /** The `Service` dimension of the metrics (`METRICS_SERVICE`; the stack sets `<project>-<stack>`). @default "twitterstream" */
  readonly metricsService: string;
  /** At most one log line per skip reason in this period. @default 10000 */
  readonly skipLogIntervalMs: number;
  /**
   * Time allowed to write what was received (memory and spill) after SIGTERM: under the task's stop timeout (ECS's
   * default 30 s; the stack sets the Fargate maximum, 120 s, and this to 110 s). @default 20000
   */
  readonly shutdownTimeoutMs: number;
}

/** Reads a file named by a `_FILE` variable; throws a Node error on failure. */
export type ReadFile = (path: string) => string;

type Env = Readonly<Record<string, string | undefined>>;

function present(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === "" ? undefined : v;
}

/** The value of a credential from `NAME` or from the file named by `NAME_FILE` (trailing newlines removed). */
export function readSecret(env: Env, name: string, readFile: ReadFile): string | undefined {
  const direct = present(env, name);
  const file = present(env, `${name}_FILE`);
  if (direct !== undefined && file !== undefined) {
    throw new ConfigError(name, `${name} and ${name}_FILE are both set: set only one`);
  }
  if (file === undefined) return direct;
  let content: string;
  try {
    content = readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    throw new ConfigError(
      `${name}_FILE`,
      `${name}_FILE names a file that cannot be read (${file}: ${code}): mount the secret there or fix the path`,
    );
  }
  const value = content.replace(/[\r\n]+$/, "");
  if (value === "") throw new ConfigError(`${name}_FILE`, `${name}_FILE names an empty file (${file}): write the secret into it`);
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) {
    throw new ConfigError(name, `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

function table(env: Env): string {
  const name = present(env, "DYNAMODBTABLE");
  if (name === undefined) throw new ConfigError("DYNAMODBTABLE", "DYNAMODBTABLE is not set: set it to the name of the DynamoDB table to write to");
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(name)) {
    throw new ConfigError(
      "DYNAMODBTABLE",
      `DYNAMODBTABLE is not a valid table name (${JSON.stringify(name)}): use 3 to 255 of a-z, A-Z, 0-9, '_', '-', '.'`,
    );
  }
  return name;
}

function region(env: Env): string {
  const value = present(env, "AWSREGION") ?? present(env, "AWS_REGION");
  if (value === undefined) throw new ConfigError("AWSREGION", "AWSREGION is not set: set it to the table's AWS region, e.g. us-east-1");
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) {
    throw new ConfigError("AWSREGION", `AWSREGION is not a region code (${JSON.stringify(value)}): use one such as us-east-1`);
  }
  return value;
}

function filter(env: Env, maxLength: number, noRetweets: boolean): Filter {
  let parsed: Filter;
  try {
    const plain = parseFilter(env["FILTER"] ?? "");
    parsed = { ...plain, ruleValue: withRetweetClause(plain.ruleValue, noRetweets) };
  } catch (e) {
    if (e instanceof FilterError) throw new ConfigError("FILTER", e.message);
    throw e;
  }
  const length = parsed.ruleValue.length;
  if (length > maxLength) {
    throw new ConfigError(
      "FILTER",
      `FILTER makes an X rule of ${length} characters, over X_RULE_MAX_LENGTH (${maxLength}): use fewer terms, or set X_RULE_MAX_LENGTH=2048 on X's Enterprise plan`,
    );
  }
  return parsed;
}

function excludeRetweets(env: Env): boolean {
  const raw = present(env, "EXCLUDE_RETWEETS") ?? "false";
  if (raw !== "true" && raw !== "false") {
    throw new ConfigError("EXCLUDE_RETWEETS", `EXCLUDE_RETWEETS must be true or false, got ${JSON.stringify(raw)}`);
  }
  return raw === "true";
}

function backfill(env: Env): { backfillMinutes?: number } {
  const raw = present(env, "BACKFILL_MINUTES");
  return raw === undefined ? {} : { backfillMinutes: integer(env, "BACKFILL_MINUTES", 0, 1, 5) };
}

function baseUrl(env: Env): URL {
  const raw = present(env, "X_API_BASE_URL") ?? "https://api.x.com";
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "https:" && url.protocol !== "http:") || url.username !== "" || url.search !== "") {
    throw new ConfigError("X_API_BASE_URL", `X_API_BASE_URL is not an http(s) origin (${JSON.stringify(raw)}): use one such as https://api.x.com`);
  }
  return url;
}

function credentials(env: Env, readFile: ReadFile): Credentials {
  const read = (name: string): string | undefined => readSecret(env, name, readFile);
  const found = {
    consumerKey: read("CONSUMERKEY"),
    consumerSecret: read("CONSUMERSECRETKEY"),
    accessToken: read("ACCESSTOKEN"),
    accessTokenSecret: read("ACCESSTOKENSECRET"),
    bearerToken: read("BEARERTOKEN"),
  };
  if (found.bearerToken === undefined) {
    for (const [name, value] of [
      ["CONSUMERKEY", found.consumerKey],
      ["CONSUMERSECRETKEY", found.consumerSecret],
    ] as const) {
      if (value === undefined) {
        throw new ConfigError(name, `${name} is not set: set ${name} or ${name}_FILE (or BEARERTOKEN) to authenticate to the X API`);
      }
    }
  }
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/**
 * Checks a rule tag: 1 to 64 of letters, digits, `_`, `.`, `:`, `-` (X documents no limit, tags being "opaque
 * strings": https://docs.x.com/x-api/posts/filtered-stream/integrate/matching-returned-tweets; this keeps them log-
 * and console-friendly). The stack checks the tag it sets with it too.
 */
export function checkRuleTag(tag: string): string {
  if (!/^[\w.:-]{1,64}$/.test(tag)) {
    throw new ConfigError("RULE_TAG", `RULE_TAG is not a valid tag (${JSON.stringify(tag)}): use 1 to 64 of letters, digits, '_', '.', ':', '-'`);
  }
  return tag;
}

/** The rule tag a stack sets, `<project>-<stack>`: unique per stack, so that stacks sharing an X app own one rule each. */
export function stackRuleTag(project: string, stack: string): string {
  return checkRuleTag(`${project}-${stack}`);
}

function ruleTag(env: Env): string {
  return checkRuleTag(present(env, "RULE_TAG") ?? "twitterstream");
}

/**
 * The `Service` dimension's value: a CloudWatch dimension value is 1 to 1,024 ASCII characters, no control
 * characters, at least one not whitespace (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Dimension.html).
 */
function metricsService(env: Env): string {
  const value = present(env, METRICS_SERVICE_VARIABLE) ?? DEFAULT_METRICS_SERVICE;
  if (value.length > 1024 || !/^[\x20-\x7e]+$/.test(value) || value.trim() === "") {
    throw new ConfigError(
      METRICS_SERVICE_VARIABLE,
      `${METRICS_SERVICE_VARIABLE} is not a CloudWatch dimension value (${JSON.stringify(value)}): use 1 to 1024 printable ASCII characters, e.g. twitterstream-dev`,
    );
  }
  return value;
}

const HOUR = 3_600_000;
const MiB = 1024 * 1024;

/** Where the queue spills when `SPILL_DIR` is unset: in the task's `/tmp` volume. */
export const DEFAULT_SPILL_DIR = "/tmp/twitterstream-spill";

/** Where the service writes its heartbeat when `HEARTBEAT_FILE` is unset: the task's `/tmp` volume. */
export const DEFAULT_HEARTBEAT_FILE = "/tmp/twitterstream.heartbeat";

/** An absolute path from `name`, or `fallback`: one in a writable volume of the task. */
function absolutePath(env: Env, name: string, fallback: string): string {
  const file = present(env, name) ?? fallback;
  if (!file.startsWith("/")) {
    throw new ConfigError(name, `${name} is not an absolute path (${JSON.stringify(file)}): use one in a writable volume, e.g. ${fallback}`);
  }
  return file;
}

/** What tells a live stream from a dead one: the reconnect policy, the stall timeout and the heartbeat file. */
export type Liveness = Pick<Config, "backoff" | "stallTimeoutMs" | "heartbeatFile">;

/** Reads the {@link Liveness} settings alone (the health command's), with the service's defaults and checks. */
export function liveness(env: Env): Liveness {
  return {
    backoff: {
      networkStepMs: integer(env, "NETWORK_BACKOFF_STEP_MS", 250, 1, HOUR),
      networkMaxMs: integer(env, "NETWORK_BACKOFF_MAX_MS", 16_000, 1, HOUR),
      httpInitialMs: integer(env, "HTTP_BACKOFF_INITIAL_MS", 5_000, 1, HOUR),
      httpMaxMs: integer(env, "HTTP_BACKOFF_MAX_MS", 320_000, 1, HOUR),
      rateLimitInitialMs: integer(env, "RATE_LIMIT_BACKOFF_INITIAL_MS", 60_000, 1, HOUR),
      rateLimitMaxMs: integer(env, "RATE_LIMIT_BACKOFF_MAX_MS", 960_000, 1, HOUR),
      reconnectPauseMs: integer(env, "RECONNECT_PAUSE_MS", 5_000, 0, HOUR),
      usageCapWaitMs: integer(env, "USAGE_CAP_WAIT_MS", 900_000, 1, 24 * HOUR),
    },
    stallTimeoutMs: integer(env, "STALL_TIMEOUT_MS", 60_000, 1, HOUR),
    heartbeatFile: absolutePath(env, "HEARTBEAT_FILE", DEFAULT_HEARTBEAT_FILE),
  };
}

/** Reads and validates the configuration; throws {@link ConfigError} on the first problem found. */
export function loadConfig(env: Env, readFile: ReadFile): Config {
  const xRuleMaxLength = integer(env, "X_RULE_MAX_LENGTH", 1024, 1, 2048);
  return {
    table: table(env),
    region: region(env),
    filter: filter(env, xRuleMaxLength, excludeRetweets(env)),
    xRuleMaxLength,
    ...backfill(env),
    credentials: credentials(env, readFile),
    xApiBaseUrl: baseUrl(env),
    xRequestTimeoutMs: integer(env, "X_REQUEST_TIMEOUT_MS", 10_000, 1, HOUR),
    ruleTag: ruleTag(env),
    ruleCheckIntervalMs: integer(env, "RULE_CHECK_INTERVAL_MS", 60_000, 100, 60_000),
    ...liveness(env),
    maxLineBytes: integer(env, "MAX_LINE_BYTES", 1_048_576, 1024, 64 * 1_048_576),
    queueMemoryBytes: integer(env, "QUEUE_MEMORY_BYTES", 64 * MiB, 64 * 1024, 64 * 1024 * MiB),
    spillDir: absolutePath(env, "SPILL_DIR", DEFAULT_SPILL_DIR),
    spillMaxBytes: integer(env, "SPILL_MAX_BYTES", 4096 * MiB, 0, 200 * 1024 * MiB),
    writeConcurrency: integer(env, "WRITE_CONCURRENCY", 8, 1, 256),
    writeRetryBaseMs: integer(env, "WRITE_RETRY_BASE_MS", 100, 1, HOUR),
    writeRetryMaxMs: integer(env, "WRITE_RETRY_MAX_MS", 10_000, 1, HOUR),
    writeTimeoutMs: integer(env, "WRITE_TIMEOUT_MS", 10_000, 1, HOUR),
    statsIntervalMs: integer(env, "STATS_INTERVAL_MS", 30_000, 10, 24 * HOUR),
    metricsService: metricsService(env),
    skipLogIntervalMs: integer(env, "SKIP_LOG_INTERVAL_MS", 10_000, 1, 24 * HOUR),
    shutdownTimeoutMs: integer(env, "SHUTDOWN_TIMEOUT_MS", 20_000, 1, HOUR),
  };
}

/** Every credential value in the configuration, for redaction. */
export function secretValues(credentials: Credentials): string[] {
  return Object.values(credentials).filter((v): v is string => typeof v === "string");
}
