import type { StreamFields } from "./fakePost";

type QueryError = { parameters: Record<string, string[]>; message: string };

const LISTS: Readonly<Record<string, readonly string[]>> = {
  expansions: [
    "attachments.poll_ids",
    "attachments.media_keys",
    "author_id",
    "edit_history_tweet_ids",
    "entities.mentions.username",
    "geo.place_id",
    "in_reply_to_user_id",
    "referenced_tweets.id",
    "referenced_tweets.id.author_id",
  ],
  "tweet.fields": [
    "attachments",
    "author_id",
    "context_annotations",
    "conversation_id",
    "created_at",
    "edit_controls",
    "edit_history_tweet_ids",
    "entities",
    "geo",
    "id",
    "in_reply_to_user_id",
    "lang",
    "non_public_metrics",
    "note_tweet",
    "organic_metrics",
    "possibly_sensitive",
    "promoted_metrics",
    "public_metrics",
    "referenced_tweets",
    "reply_settings",
    "source",
    "text",
    "withheld",
  ],
  "user.fields": [
    "created_at",
    "description",
    "entities",
    "id",
    "location",
    "most_recent_tweet_id",
    "name",
    "pinned_tweet_id",
    "profile_image_url",
    "protected",
    "public_metrics",
    "url",
    "username",
    "verified",
    "verified_type",
    "withheld",
  ],
};
const OTHER_PARAMETERS = ["media.fields", "poll.fields", "place.fields", "backfill_minutes", "start_time", "end_time"];
const PARAMETERS = [...Object.keys(LISTS), ...OTHER_PARAMETERS];

/**
 * Validates the query of `GET /2/tweets/search/stream` as X does (unknown parameters and unknown values of
 * `expansions`, `tweet.fields` and `user.fields` are a 400) and returns what the payloads must contain.
 * `user.fields` is checked, but users always carry just X's defaults `id`, `name` and `username`.
 * `media.fields`, `poll.fields`, `place.fields`, `backfill_minutes`, `start_time` and `end_time` are accepted and
 * ignored: fake posts have no media, polls or places, and the fake keeps no backfill.
 */
export function parseStreamQuery(query: URLSearchParams): StreamFields | { errors: QueryError[] } {
  const errors: QueryError[] = [];
  const values = new Map<string, Set<string>>();
  for (const [name, value] of query) {
    if (!PARAMETERS.includes(name)) {
      errors.push({ parameters: { [name]: [value] }, message: `The query parameter [${name}] is not one of [${PARAMETERS.join(",")}]` });
      continue;
    }
    const allowed = LISTS[name];
    if (allowed === undefined) continue;
    const items = value.split(",");
    for (const item of items) {
      if (!allowed.includes(item)) {
        errors.push({
          parameters: { [name]: [value] },
          message: `The \`${name}\` query parameter value [${item}] is not one of [${allowed.join(",")}]`,
        });
      }
    }
    values.set(name, new Set(items));
  }
  if (errors.length > 0) return { errors };
  return {
    expandAuthor: values.get("expansions")?.has("author_id") === true,
    tweetFields: values.get("tweet.fields") ?? new Set(),
    expansions: values.get("expansions") ?? new Set(),
  };
}
