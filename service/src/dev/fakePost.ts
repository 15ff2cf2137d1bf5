/** A post as the fake X server knows it, before it is rendered into an X API v2 stream payload. */
export interface FakePost {
  /** Post id, a decimal snowflake string. */
  id: string;
  /** Full text, as X's v2 `text` gives it (HTML entities `&amp;`, `&lt;`, `&gt;` escaped). */
  text: string;
  /** Author's user id. */
  authorId: string;
  /** Author's handle, without `@`. */
  username: string;
  /** Author's display name. */
  name: string;
  /** Creation time, ISO 8601 with milliseconds (`2025-03-14T09:26:53.589Z`). */
  createdAt: string;
  /** Language X detected (BCP 47), sent as `lang` when `tweet.fields` asks for it. @default - not sent */
  lang?: string;
}

/** What a stream connection asked for through `expansions`, `tweet.fields` and `user.fields`. */
export interface StreamFields {
  /** `expansions` contains `author_id`: send `data.author_id` and `includes.users`. */
  readonly expandAuthor: boolean;
  /** The values of `tweet.fields`. */
  readonly tweetFields: ReadonlySet<string>;
}

/** One entry of a payload's `matching_rules`. */
export interface MatchingRule {
  id: string;
  tag?: string;
}

interface PayloadTweet {
  id: string;
  text: string;
  edit_history_tweet_ids: string[];
  author_id?: string;
  created_at?: string;
  lang?: string;
}

/**
 * Renders one filtered-stream payload as X API v2 sends it (`{"data", "includes", "matching_rules"}`), as one line
 * of JSON without its `\r\n`. `id`, `text` and `edit_history_tweet_ids` are X's default fields; `author_id` comes with
 * the `author_id` expansion or field, `created_at` and `lang` only when `tweet.fields` asks for them, and
 * `includes.users` (default user fields `id`, `name`, `username`) only with the `author_id` expansion.
 */
export function renderPayload(post: FakePost, fields: StreamFields, matchingRules: MatchingRule[]): string {
  const data: PayloadTweet = { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] };
  if (fields.expandAuthor || fields.tweetFields.has("author_id")) data.author_id = post.authorId;
  if (fields.tweetFields.has("created_at")) data.created_at = post.createdAt;
  if (fields.tweetFields.has("lang") && post.lang !== undefined) data.lang = post.lang;
  const includes = fields.expandAuthor
    ? { includes: { users: [{ id: post.authorId, name: post.name, username: post.username }] } }
    : {};
  const payload = { data, ...includes, matching_rules: matchingRules };
  return JSON.stringify(payload);
}
