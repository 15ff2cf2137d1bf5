/** Turns one stream line into a post, or says why it is skipped. Pure: no I/O, no clock. */

/**
 * What the stream asks X for (`GET /2/tweets/search/stream` query), the one list the service and its tests share.
 * - `tweetFields`: the date and author, the full text of a long post (`note_tweet`), what a post refers to
 *   (`referenced_tweets`), and its versions (`edit_history_tweet_ids`, a default field, named to say it is read).
 * - `expansions`: the author (for the username), the posts referred to (a retweet's original, a quote's quoted post,
 *   in `includes.tweets`), and the earlier versions of an edited post (also in `includes.tweets`, with their
 *   `created_at`, which is how their item keys are derived).
 * - `userFields`: the author's @username.
 * Docs: https://docs.x.com/x-api/fundamentals/expansions, https://docs.x.com/x-api/fundamentals/edit-posts
 */
export const STREAM_FIELDS = {
  tweetFields: "created_at,author_id,note_tweet,referenced_tweets,edit_history_tweet_ids",
  expansions: "author_id,referenced_tweets.id,edit_history_tweet_ids",
  userFields: "username",
} as const;

/** A post this one refers to and whose content the user saw with it. */
export interface Reference {
  /** `retweeted` (the text stored is the original's) or `quoted` (the quoted text is stored beside). */
  readonly type: "retweeted" | "quoted";
  readonly id: string;
}

/** The key fields of an earlier version of an edited post, from `includes.tweets`. */
export interface EarlierVersion {
  readonly id: string;
  /** ISO-8601 UTC with milliseconds. */
  readonly createdAt: string;
}

/** The fields of a post the service needs. */
export interface Post {
  readonly id: string;
  /**
   * The full text the user saw: a long post's `note_tweet.text`; for a retweet, the original's full text (X cuts the
   * retweet's own `text`, "RT @user: ..."), or the retweet's text when X did not include the original.
   */
  readonly text: string;
  readonly authorId: string;
  readonly username: string | undefined;
  /** ISO-8601 UTC with milliseconds, e.g. `2026-11-22T01:02:03.000Z`. */
  readonly createdAt: string;
  /** The retweeted or quoted post; absent for a post that is neither. */
  readonly reference?: Reference;
  /** A quote's quoted post, full text; absent when X did not include it. */
  readonly quotedText?: string;
  /** Earlier versions of an edited post (oldest first) that X included; absent when the post was never edited. */
  readonly earlier?: readonly EarlierVersion[];
}

/** Why a line is skipped. */
export type SkipReason = "not-json" | "missing-fields" | "stream-error" | "oversized";

/** One entry of a post's `matching_rules`: a rule of the app that matched it. */
export interface MatchingRule {
  readonly id: string;
  readonly tag?: string;
}

/**
 * The outcome of reading one line. A post comes with the rules X matched it against (`matching_rules`: "which list
 * of filters matched against the Post delivered", https://docs.x.com/x-api/posts/filtered-stream/integrate/matching-returned-tweets);
 * entries without a string id are left out, and a payload without the array has none.
 */
export type LineResult =
  | { readonly kind: "post"; readonly post: Post; readonly matchingRules: readonly MatchingRule[] }
  | { readonly kind: "skip"; readonly reason: SkipReason; readonly sample: string };

const ID = /^\d{1,20}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SAMPLE_CHARS = 80;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function normaliseDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (ISO_MS.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function usernameOf(message: Json, authorId: string): string | undefined {
  const includes = message["includes"];
  if (!isObject(includes) || !Array.isArray(includes["users"])) return undefined;
  for (const user of includes["users"]) {
    if (isObject(user) && user["id"] === authorId && typeof user["username"] === "string") return user["username"];
  }
  return undefined;
}

/** The full text: a long post's `note_tweet.text` when present, else `text`. */
function textOf(data: Json): unknown {
  const note = data["note_tweet"];
  return isObject(note) && typeof note["text"] === "string" ? note["text"] : data["text"];
}

/** The post of `includes.tweets` with this id. */
function included(message: Json, id: string): Json | undefined {
  const includes = message["includes"];
  if (!isObject(includes) || !Array.isArray(includes["tweets"])) return undefined;
  for (const tweet of includes["tweets"]) if (isObject(tweet) && tweet["id"] === id) return tweet;
  return undefined;
}

/** The first retweeted or quoted reference (a post is never both); replies are not kept. */
function referenceOf(data: Json): Reference | undefined {
  const refs = data["referenced_tweets"];
  if (!Array.isArray(refs)) return undefined;
  for (const ref of refs) {
    if (!isObject(ref) || typeof ref["id"] !== "string" || !ID.test(ref["id"])) continue;
    if (ref["type"] === "retweeted" || ref["type"] === "quoted") return { type: ref["type"], id: ref["id"] };
  }
  return undefined;
}

/** The earlier versions X included (`edit_history_tweet_ids` minus the post itself), with valid dates. */
function earlierOf(message: Json, data: Json, id: string): EarlierVersion[] | undefined {
  const history = data["edit_history_tweet_ids"];
  if (!Array.isArray(history) || history.length < 2) return undefined;
  const earlier: EarlierVersion[] = [];
  for (const version of history) {
    if (typeof version !== "string" || version === id || !ID.test(version)) continue;
    const createdAt = normaliseDate(included(message, version)?.["created_at"]);
    if (createdAt !== undefined) earlier.push({ id: version, createdAt });
  }
  return earlier.length > 0 ? earlier : undefined;
}

/** Adds what a retweet, a quote or an edit carries; `post` is returned as is for a plain post (the common case). */
function withContext(post: Post, message: Json, data: Json): Post {
  const reference = referenceOf(data);
  const earlier = earlierOf(message, data, post.id);
  if (reference === undefined && earlier === undefined) return post;
  let extra: Partial<Post> = earlier === undefined ? {} : { earlier };
  if (reference !== undefined) {
    const referred = included(message, reference.id);
    const referredText = referred === undefined ? undefined : textOf(referred);
    extra = { ...extra, reference };
    if (typeof referredText === "string") {
      extra = reference.type === "retweeted" ? { ...extra, text: referredText } : { ...extra, quotedText: referredText };
    }
  }
  return { ...post, ...extra };
}

function skip(reason: SkipReason, sample: string): LineResult {
  return { kind: "skip", reason, sample };
}

/**
 * Reads one non-empty stream line (without its `\r\n`).
 * A JSON object with `errors` and no `data` is an in-stream error (such as an operational disconnect).
 */
export function readLine(line: string): LineResult {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return skip("not-json", line.slice(0, SAMPLE_CHARS));
  }
  if (!isObject(message)) return skip("not-json", line.slice(0, SAMPLE_CHARS));
  const data = message["data"];
  if (!isObject(data)) {
    return "errors" in message ? skip("stream-error", line.slice(0, SAMPLE_CHARS * 4)) : skip("missing-fields", line.slice(0, SAMPLE_CHARS));
  }
  const id = data["id"];
  const authorId = data["author_id"];
  const text = textOf(data);
  const createdAt = normaliseDate(data["created_at"]);
  if (typeof id !== "string" || !ID.test(id)) return skip("missing-fields", line.slice(0, SAMPLE_CHARS));
  if (typeof authorId !== "string" || !ID.test(authorId) || typeof text !== "string" || createdAt === undefined) {
    return skip("missing-fields", `id ${id}`);
  }
  const post: Post = { id, text, authorId, username: usernameOf(message, authorId), createdAt };
  return { kind: "post", post: withContext(post, message, data), matchingRules: matchingRulesOf(message) };
}

function matchingRulesOf(message: Json): MatchingRule[] {
  const rules = message["matching_rules"];
  if (!Array.isArray(rules)) return [];
  const found: MatchingRule[] = [];
  for (const rule of rules) {
    if (!isObject(rule) || typeof rule["id"] !== "string") continue;
    found.push(typeof rule["tag"] === "string" ? { id: rule["id"], tag: rule["tag"] } : { id: rule["id"] });
  }
  return found;
}

/**
 * The clause appended to the X rule when retweets are excluded (`EXCLUDE_RETWEETS=true`), with the rule in
 * parentheses so that the exclusion applies to every OR branch: `(a OR b) -is:retweet`.
 * Docs: https://docs.x.com/x-api/posts/filtered-stream/integrate/build-a-rule (`-is:retweet`).
 */
export function withRetweetClause(ruleValue: string, excludeRetweets: boolean): string {
  return excludeRetweets ? `(${ruleValue}) -is:retweet` : ruleValue;
}
