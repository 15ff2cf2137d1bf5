/**
 * The usage the report assumes where the stack's code does not fix it, each stated with its basis. Tests hold the
 * ones the service's code determines (the stats period, the size of a stats line, the items) to that code.
 */
import type { Post } from "../../service/src/intake/post";
import { toItem, type PostItem } from "../../service/src/intake/item";
import { DEFAULTS } from "../../infra/config";

/** Hours in the month every figure is for (AWS's own calculators use 730). */
export const HOURS_PER_MONTH = 730;

/** Seconds in that month. */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/**
 * The service's log lines. It writes no line per post: per period it writes one `stats` line (the EMF metrics line,
 * service/src/ops/statsLine.ts), a `skipped` line at most once per SKIP_LOG_INTERVAL_MS and reason, and once a day a
 * `daily_reads` line; everything else is per start, stop, reconnect or error.
 */
export const LOGS = {
  /** STATS_INTERVAL_MS's default (service/src/config.ts). */
  statsIntervalSeconds: 30,
  /** Upper bound on one `stats` line with its EMF metadata, in bytes (a test holds the service's line to it). */
  statsLineBytes: 3000,
  /** Bytes logged per matched post: none (see above). */
  bytesPerMatchedPost: 0,
  /** SKIP_LOG_INTERVAL_MS's default, and the skip reasons: the worst case, every reason skipping all month. */
  skipLogIntervalSeconds: 10,
  skipReasons: 4,
  /** Upper bound on one `skipped` line (its sample is cut to 80 characters, service/src/intake/post.ts). */
  skippedLineBytes: 400,
} as const;

/**
 * Container Insights (the cluster setting `enabled`) per running task: performance log events into
 * `/aws/ecs/containerinsights/<cluster>/performance`, one a minute each for the cluster, the service, the task and each
 * container (the event types of https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-reference-performance-logs-ECS.html),
 * each assumed at most 1 KB (the examples there are under 1 KB).
 */
export const CONTAINER_INSIGHTS = { eventsPerMinuteBesidesContainers: 3, eventBytes: 1024 } as const;

/**
 * Requests per month that are not per post: task starts (a deploy, a restart, a Spot interruption), each reading its
 * secret once and its image once. Assumed: 30 task starts a month. Secrets Manager and KMS calls of Pulumi itself
 * (an update reads and writes the secret) are a handful per update.
 */
export const REQUESTS = {
  taskStartsPerMonth: 30,
  /** KMS requests a month on the component's key: secret reads, log-group data keys, image pulls. */
  kmsRequestsPerMonth: 10_000,
} as const;

/**
 * ECR storage: the image's compressed size. The runtime image is `node:22-bookworm-slim` plus the service's
 * production dependencies (service/Dockerfile); assumed 150 MB compressed. The lifecycle policy keeps the last 10
 * source images, which share their base layers, so a few more MB each.
 */
export const IMAGE = { compressedGB: 0.15, keptImages: 10, changedLayerGB: 0.005 } as const;

/**
 * Representative posts, as the service stores them (service/src/intake/item.ts's `toItem`): ids of 19 digits (X's snowflake
 * ids today), the longest @username (15 characters), the stack's default FILTER as the rule, and a text of 280
 * characters (X's limit for a post that is not a long post), in ASCII or in a 3-byte script (e.g. Japanese).
 */
function post(text: string, quotedText?: string): Post {
  const id = "1785412345678901234";
  return {
    id,
    text,
    authorId: "1234567890123456789",
    username: "a".repeat(15),
    createdAt: "2026-11-22T01:02:03.000Z",
    ...(quotedText === undefined ? {} : { reference: { type: "quoted", id: "1785412345678900000" }, quotedText }),
  };
}

const ASCII_280 = "a".repeat(280);
const CJK_280 = "語".repeat(280);

/** The posts the DynamoDB figures are given for; the first is the headline. */
export const POSTS: readonly { readonly label: string; readonly item: PostItem }[] = [
  { label: "a 280-character post (ASCII)", item: toItem(post(ASCII_280), DEFAULTS.filter) },
  { label: "a 280-character post in a 3-byte script", item: toItem(post(CJK_280), DEFAULTS.filter) },
  { label: "a quote: 280 + 280 characters (ASCII)", item: toItem(post(ASCII_280, ASCII_280), DEFAULTS.filter) },
  { label: "a quote: 280 + 280 characters, 3-byte script", item: toItem(post(CJK_280, CJK_280), DEFAULTS.filter) },
];
