/**
 * Builders of the posts X sends besides plain ones, for the fake X server and the tests: long posts (`note_tweet`),
 * retweets and quotes (`referenced_tweets`, `includes.tweets`) and edits (`edit_history_tweet_ids`). Pure.
 * Docs: https://docs.x.com/x-api/fundamentals/data-dictionary (`note_tweet`, `referenced_tweets`),
 * https://docs.x.com/x-api/posts/timelines/integrate ("Truncated Retweet text"),
 * https://docs.x.com/x-api/fundamentals/edit-posts.
 */
import type { FakePost } from "./fakePost";

/** X's limit of a post's `text`; a longer post's whole text is in `note_tweet`. */
export const TEXT_LIMIT = 280;
/** X cuts a retweet's `text` after this many characters of the original. */
export const RETWEET_TEXT_LIMIT = 140;

/** Who posts, and when: the fields of a new post that a builder does not derive. */
export interface Posting {
  id: string;
  authorId: string;
  username: string;
  name: string;
  createdAt: string;
}

function firstChars(text: string, n: number): string {
  const chars = Array.from(text);
  return chars.length <= n ? text : `${chars.slice(0, n).join("")}…`;
}

/** A post of `fullText`: over 280 characters, `text` is its start and `noteText` the whole. */
export function postOf(posting: Posting, fullText: string): FakePost {
  const long = Array.from(fullText).length > TEXT_LIMIT;
  return long ? { ...posting, text: firstChars(fullText, TEXT_LIMIT), noteText: fullText } : { ...posting, text: fullText };
}

/** A retweet of `original`: `RT @author: ` and the original's text cut after 140 characters; the original referenced. */
export function retweetOf(original: FakePost, posting: Posting): FakePost {
  const whole = original.noteText ?? original.text;
  return {
    ...posting,
    text: `RT @${original.username}: ${firstChars(whole, RETWEET_TEXT_LIMIT)}`,
    references: [{ type: "retweeted", post: original }],
  };
}

/** A quote of `quoted` with its own `text`. */
export function quoteOf(quoted: FakePost, posting: Posting, text: string): FakePost {
  return { ...postOf(posting, text), references: [{ type: "quoted", post: quoted }] };
}

/**
 * An edit of `previous` (by its author, so `posting` names only the new id and time): a new post id whose
 * `edit_history_tweet_ids` lists every earlier version, oldest first, then itself.
 */
export function editOf(previous: FakePost, posting: Pick<Posting, "id" | "createdAt">, text: string): FakePost {
  const { earlierVersions = [], ...version } = previous;
  const author = { authorId: previous.authorId, username: previous.username, name: previous.name };
  return {
    ...postOf({ ...author, ...posting }, text),
    ...(previous.references === undefined ? {} : { references: previous.references }),
    earlierVersions: [...earlierVersions, version],
  };
}
