/** A post as the fake X server knows it, before it is rendered into an X API v2 stream payload. */
export interface FakePost {
  /** Post id, a decimal snowflake string. */
  id: string;
  /**
   * Text as X's v2 `text` gives it (HTML entities `&amp;`, `&lt;`, `&gt;` escaped): the whole text of a short post,
   * the first 280 characters of a long one (then {@link noteText} holds all of it), `RT @user: ...` cut short for a
   * retweet (see `postKinds.ts`).
   */
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
  /** The whole text of a post over 280 characters, sent as `note_tweet.text` when `tweet.fields` asks. @default - a short post */
  noteText?: string;
  /** Posts this one retweets, quotes or replies to: `referenced_tweets`, and `includes.tweets` with the expansion. @default - none */
  references?: FakeReference[];
  /**
   * Earlier versions of this post, oldest first, when it is an edit: `edit_history_tweet_ids` is their ids then this
   * post's, and the `edit_history_tweet_ids` expansion puts them in `includes.tweets`. @default - never edited
   */
  earlierVersions?: FakePost[];
}

/** One entry of `referenced_tweets`, with the post it names. */
export interface FakeReference {
  type: "retweeted" | "quoted" | "replied_to";
  post: FakePost;
}

/** What a stream connection asked for through `expansions`, `tweet.fields` and `user.fields`. */
export interface StreamFields {
  /** `expansions` contains `author_id`: send `data.author_id` and `includes.users`. */
  readonly expandAuthor: boolean;
  /** The values of `tweet.fields`. */
  readonly tweetFields: ReadonlySet<string>;
  /** The values of `expansions`. @default - only what {@link expandAuthor} says */
  readonly expansions?: ReadonlySet<string>;
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
  note_tweet?: { text: string };
  referenced_tweets?: Array<{ type: string; id: string }>;
}

/** One post object as X renders it for these fields (in `data` or in `includes.tweets`). */
function renderTweet(post: FakePost, fields: StreamFields): PayloadTweet {
  const history = [...(post.earlierVersions ?? []).map((v) => v.id), post.id];
  const tweet: PayloadTweet = { id: post.id, text: post.text, edit_history_tweet_ids: history };
  if (fields.expandAuthor || fields.tweetFields.has("author_id")) tweet.author_id = post.authorId;
  if (fields.tweetFields.has("created_at")) tweet.created_at = post.createdAt;
  if (fields.tweetFields.has("lang") && post.lang !== undefined) tweet.lang = post.lang;
  if (fields.tweetFields.has("note_tweet") && post.noteText !== undefined) tweet.note_tweet = { text: post.noteText };
  if (fields.tweetFields.has("referenced_tweets") && post.references !== undefined && post.references.length > 0) {
    tweet.referenced_tweets = post.references.map((r) => ({ type: r.type, id: r.post.id }));
  }
  return tweet;
}

/** The posts of `includes.tweets`: referenced posts and earlier versions, each once, when their expansion is asked. */
function includedTweets(post: FakePost, fields: StreamFields): PayloadTweet[] {
  const expansions = fields.expansions ?? new Set<string>();
  const posts: FakePost[] = [];
  if (expansions.has("referenced_tweets.id")) posts.push(...(post.references ?? []).map((r) => r.post));
  if (expansions.has("edit_history_tweet_ids")) posts.push(...(post.earlierVersions ?? []));
  const seen = new Set<string>();
  return posts.filter((p) => !seen.has(p.id) && seen.add(p.id)).map((p) => renderTweet(p, fields));
}

/**
 * Renders one filtered-stream payload as X API v2 sends it (`{"data", "includes", "matching_rules"}`), as one line
 * of JSON without its `\r\n`. `id`, `text` and `edit_history_tweet_ids` are X's default fields; `author_id` comes with
 * the `author_id` expansion or field, `created_at`, `lang`, `note_tweet` and `referenced_tweets` only when
 * `tweet.fields` asks for them, `includes.users` (default user fields `id`, `name`, `username`) only with the
 * `author_id` expansion, and `includes.tweets` (rendered with the same `tweet.fields`) with the
 * `referenced_tweets.id` and `edit_history_tweet_ids` expansions.
 */
export function renderPayload(post: FakePost, fields: StreamFields, matchingRules: MatchingRule[]): string {
  const data = renderTweet(post, fields);
  const tweets = includedTweets(post, fields);
  const includes = {
    ...(fields.expandAuthor ? { users: [{ id: post.authorId, name: post.name, username: post.username }] } : {}),
    ...(tweets.length > 0 ? { tweets } : {}),
  };
  const payload = Object.keys(includes).length > 0 ? { data, includes, matching_rules: matchingRules } : { data, matching_rules: matchingRules };
  return JSON.stringify(payload);
}
