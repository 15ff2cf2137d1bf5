/**
 * Every setting of the stack, read and checked in one place. Each key is declared, with its default, in the root
 * `Pulumi.yaml`; the defaults here are the same, for runs without the CLI (unit tests, the Automation API).
 */
import * as pulumi from "@pulumi/pulumi";
import type { ImagePlatform, SecretDelivery } from "secure-fargate-task";
import { FIVE_MINUTES, type AlarmSettings } from "./monitoring/alarms";
import { isSecretConfig } from "./secretConfig";

/** Where the tasks run: the account's default VPC with a public IP, or a new VPC with private subnets and NAT. */
export type NetworkMode = "default" | "private";

/** The X API credentials: config key -> environment variable the service reads. */
export const REQUIRED_CREDENTIALS = {
  consumerKey: "CONSUMERKEY",
  consumerSecretKey: "CONSUMERSECRETKEY",
  accessToken: "ACCESSTOKEN",
  accessTokenSecret: "ACCESSTOKENSECRET",
} as const;

/** Optional credential: config key -> environment variable. */
export const OPTIONAL_CREDENTIALS = { bearerToken: "BEARERTOKEN" } as const;

/** The default of every key that has one, as `Pulumi.yaml` declares it ("" = unset). */
export const DEFAULTS = {
  bearerToken: "",
  filter: "Cloud Computing",
  tableName: "",
  deletionProtection: true,
  backup: false,
  network: "default",
  secretDelivery: "environment",
  imagePlatform: "linux/amd64",
  cpu: 256,
  memory: 512,
  desiredCount: 1,
  spot: false,
  alarmEmail: "",
  noPostsStoredMinutes: 60,
  postsReadAlarmPerDay: 10_000,
} as const;

const NETWORK_MODES: readonly NetworkMode[] = ["default", "private"];
const IMAGE_PLATFORMS: readonly ImagePlatform[] = ["linux/amd64", "linux/arm64"];
const SECRET_DELIVERIES: readonly SecretDelivery[] = ["environment", "files"];
/** The service's own rule for DYNAMODBTABLE, so that a bad name fails here and not in a crash-looping task. */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** The stack's settings, validated, defaults filled in. */
export interface StackConfig {
  /** FILTER of the service: which posts to keep. */
  filter: string;
  /** Physical table name; undefined lets Pulumi derive a unique one, so that two stacks can share an account. */
  tableName: string | undefined;
  deletionProtection: boolean;
  /** A daily AWS Backup of the table, kept 35 days in a vault of the stack's own (`infra/backup.ts`). */
  backup: boolean;
  network: NetworkMode;
  /** How the credentials reach the service: injected variables, or files an init container writes (`<NAME>_FILE`). */
  secretDelivery: SecretDelivery;
  imagePlatform: ImagePlatform;
  cpu: number;
  memory: number;
  desiredCount: number;
  /** Run the task on Fargate Spot (x86 only): interrupted with a two-minute warning and SIGTERM, which the service drains on. */
  spot: boolean;
  /** Environment variable name -> secret value, for `SecureFargateTask`'s `secrets`. */
  credentials: Record<string, pulumi.Output<string>>;
  /** Address the alarm topic mails, after its owner confirms; undefined = no subscription. */
  alarmEmail: string | undefined;
  /** Thresholds of the stack's alarms. */
  alarms: AlarmSettings;
}

/** A mail address as SNS's `email` protocol takes it: one `@`, a dot in the domain, no spaces. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The longest `noPostsStoredMinutes`: the alarm reads 5-minute periods, and AWS caps `EvaluationPeriods` x `Period`
 * at one day (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
 */
const MAX_NO_POSTS_MINUTES = 24 * 60;

/**
 * Reads and checks every setting. Throws one `RunError` (reported without a stack trace) listing every problem found,
 * each with the command that fixes it.
 */
export function readConfig(): StackConfig {
  const config = new pulumi.Config();
  const problems: string[] = [];

  const credentials: Record<string, pulumi.Output<string>> = {};
  const missing: string[] = [];
  for (const [key, variable] of Object.entries(REQUIRED_CREDENTIALS)) {
    const value = readCredential(config, key);
    if (value === undefined) missing.push(key);
    else credentials[variable] = value;
  }
  for (const [key, variable] of Object.entries(OPTIONAL_CREDENTIALS)) {
    const value = readCredential(config, key);
    if (value !== undefined) credentials[variable] = value;
  }
  const plaintext = [...Object.keys(REQUIRED_CREDENTIALS), ...Object.keys(OPTIONAL_CREDENTIALS)].filter(
    (key) => config.get(key)?.trim() && !isSecretConfig(config, key),
  );
  if (plaintext.length > 0) {
    problems.push(
      [
        `X API credential${plaintext.length > 1 ? "s" : ""} ${plaintext.map((k) => `\`${k}\``).join(", ")} set in plaintext: the stack's config (Pulumi.${pulumi.getStack()}.yaml) holds ${plaintext.length > 1 ? "them" : "it"} unencrypted. Set ${plaintext.length > 1 ? "each" : "it"} again as a secret (and rotate it at X if that file was committed or shared):`,
        ...plaintext.map((k) => `  pulumi config set --secret ${k} <value>`),
      ].join("\n"),
    );
  }
  if (missing.length > 0) {
    problems.push(
      [
        `Missing X API credential${missing.length > 1 ? "s" : ""} ${missing.map((k) => `\`${k}\``).join(", ")}. Run:`,
        ...missing.map((k) => `  pulumi config set --secret ${k} <value>`),
      ].join("\n"),
    );
  }

  const network = choice(
    config,
    "network",
    NETWORK_MODES,
    DEFAULTS.network,
    problems,
    ` ("default": the account's default VPC, tasks with a public IP; "private": a new VPC, private subnets, one NAT gateway)`,
  );
  const secretDelivery = choice(
    config,
    "secretDelivery",
    SECRET_DELIVERIES,
    DEFAULTS.secretDelivery,
    problems,
    ` ("environment": ECS injects them as variables; "files": an init container writes them to a task volume)`,
  );
  const imagePlatform = choice(
    config,
    "imagePlatform",
    IMAGE_PLATFORMS,
    DEFAULTS.imagePlatform,
    problems,
    " (the CPU architecture the image is built for and Fargate runs)",
  );

  const filter = (config.get("filter") ?? DEFAULTS.filter).trim();
  if (filter === "") {
    problems.push(`\`twitterstream:filter\` is empty: the service would keep nothing. Run: pulumi config set filter "${DEFAULTS.filter}"`);
  }

  const tableName = config.get("tableName") || undefined;
  if (tableName !== undefined && !TABLE_NAME.test(tableName)) {
    problems.push(
      `\`twitterstream:tableName\` is not a DynamoDB table name: got ${JSON.stringify(tableName)}. Use 3 to 255 of a-z, A-Z, 0-9, "_", "-", ".", or run: pulumi config rm tableName (for a generated name)`,
    );
  }

  const desiredCount = config.getNumber("desiredCount") ?? DEFAULTS.desiredCount;
  if (desiredCount !== 0 && desiredCount !== 1) {
    problems.push(
      `\`twitterstream:desiredCount\` must be 0 (service stopped) or 1: got ${desiredCount}. X allows one filtered-stream connection per app: a second task would be refused with 429 TooManyConnections. Run: pulumi config set desiredCount 1`,
    );
  }

  const spot = config.getBoolean("spot") ?? DEFAULTS.spot;
  if (spot && imagePlatform === "linux/arm64") {
    problems.push(
      "`twitterstream:spot` is true, but `twitterstream:imagePlatform` is linux/arm64: Fargate Spot runs x86 tasks only (AWS: Linux tasks with the ARM64 architecture don't support the Fargate Spot capacity provider). Run: pulumi config set spot false, or pulumi config set imagePlatform linux/amd64",
    );
  }

  const alarmEmail = config.get("alarmEmail")?.trim() || undefined;
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    problems.push(
      `\`twitterstream:alarmEmail\` is not a mail address: got ${JSON.stringify(alarmEmail)}. Run: pulumi config set alarmEmail you@example.com (or pulumi config rm alarmEmail for no mail)`,
    );
  }
  const stepMinutes = FIVE_MINUTES / 60;
  const noPostsStoredMinutes = config.getNumber("noPostsStoredMinutes") ?? DEFAULTS.noPostsStoredMinutes;
  if (
    !Number.isInteger(noPostsStoredMinutes) ||
    noPostsStoredMinutes % stepMinutes !== 0 ||
    noPostsStoredMinutes < stepMinutes ||
    noPostsStoredMinutes > MAX_NO_POSTS_MINUTES
  ) {
    problems.push(
      `\`twitterstream:noPostsStoredMinutes\` must be a multiple of ${stepMinutes} from ${stepMinutes} to ${MAX_NO_POSTS_MINUTES} (the alarm reads ${stepMinutes}-minute periods, at most one day of them): got ${noPostsStoredMinutes}. Run: pulumi config set noPostsStoredMinutes ${DEFAULTS.noPostsStoredMinutes}`,
    );
  }
  const postsReadAlarmPerDay = config.getNumber("postsReadAlarmPerDay") ?? DEFAULTS.postsReadAlarmPerDay;
  if (!Number.isInteger(postsReadAlarmPerDay) || postsReadAlarmPerDay < 0) {
    problems.push(
      `\`twitterstream:postsReadAlarmPerDay\` must be a whole number of posts, 0 for no alarm: got ${postsReadAlarmPerDay}. Run: pulumi config set postsReadAlarmPerDay ${DEFAULTS.postsReadAlarmPerDay}`,
    );
  }

  if (problems.length > 0) throw new pulumi.RunError(problems.join("\n"));
  return {
    filter,
    tableName,
    deletionProtection: config.getBoolean("deletionProtection") ?? DEFAULTS.deletionProtection,
    backup: config.getBoolean("backup") ?? DEFAULTS.backup,
    network,
    secretDelivery,
    imagePlatform,
    cpu: config.getNumber("cpu") ?? DEFAULTS.cpu,
    memory: config.getNumber("memory") ?? DEFAULTS.memory,
    desiredCount,
    spot,
    credentials,
    alarmEmail,
    alarms: { noPostsStoredMinutes, postsReadAlarmPerDay },
  };
}

/** One of `allowed`, or `fallback` after recording a problem that names the key, the value and the fix. */
function choice<T extends string>(config: pulumi.Config, key: string, allowed: readonly T[], fallback: T, problems: string[], meaning: string): T {
  const value = config.get(key) ?? fallback;
  const isAllowed = (v: string): v is T => (allowed as readonly string[]).includes(v);
  if (isAllowed(value)) return value;
  problems.push(
    `\`twitterstream:${key}\` must be ${allowed.map((a) => JSON.stringify(a)).join(" or ")}${meaning}: got ${JSON.stringify(value)}. Run: pulumi config set ${key} ${fallback}`,
  );
  return fallback;
}

/**
 * A credential as a secret; undefined when unset or blank (as after `pulumi config set --secret k ""`). One set in
 * plaintext is refused by `readConfig` (`isSecretConfig`), never read here as anything but a secret.
 */
function readCredential(config: pulumi.Config, key: string): pulumi.Output<string> | undefined {
  const value = config.get(key);
  return value?.trim() ? pulumi.secret(value) : undefined;
}
