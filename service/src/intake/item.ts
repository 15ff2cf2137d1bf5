/** The DynamoDB item of a stored post. Key design agreed with infra: hash `user`, range `date`. */
import type { Post } from "./post";

/** The key of an item. */
export interface ItemKey {
  readonly user: string;
  readonly date: string;
}

/** One item of the table. */
export interface PostItem {
  /** Hash key: the author's X user id (stable, unlike the username). */
  readonly user: string;
  /** Range key: `<createdAt>#<id>`, unique per post, so a redelivered post overwrites itself. */
  readonly date: string;
  /** The post id (the table's `byId` index). */
  readonly id: string;
  readonly createdAt: string;
  /** The full text the user saw (a retweet's: the original's). */
  readonly text: string;
  /** The FILTER that matched. */
  readonly rule: string;
  /** The author's @username, absent when X did not expand the author. */
  readonly username?: string;
  /** `retweeted` or `quoted`, with {@link refId}; absent for other posts. */
  readonly refType?: string;
  /** The id of the retweeted or quoted post. */
  readonly refId?: string;
  /** A quote's quoted post, full text, when X included it; the compliance command removes it when X reports that post. */
  readonly quotedText?: string;
  /** Ids of the earlier versions of an edited post, oldest first. */
  readonly editOf?: readonly string[];
  /**
   * Not an attribute: the keys of the earlier versions this edited post replaces, deleted in the same batch. The
   * writer strips it before the put.
   */
  readonly replaces?: readonly ItemKey[];
}

/** The key of a post's item: its author, and `<createdAt>#<id>`. */
export function keyOf(authorId: string, createdAt: string, id: string): ItemKey {
  return { user: authorId, date: `${createdAt}#${id}` };
}

/** The item of a retweet, a quote or an edit: the plain item plus what they carry. */
function withContext(item: PostItem, post: Post): PostItem {
  const { reference, quotedText, earlier } = post;
  return {
    ...item,
    ...(reference === undefined ? {} : { refType: reference.type, refId: reference.id }),
    ...(quotedText === undefined ? {} : { quotedText }),
    ...(earlier === undefined ? {} : { editOf: earlier.map((v) => v.id), replaces: earlier.map((v) => keyOf(post.authorId, v.createdAt, v.id)) }),
  };
}

/** Builds the item of a matched post (one object literal for a plain post: this runs for every match). */
export function toItem(post: Post, rule: string): PostItem {
  const date = `${post.createdAt}#${post.id}`;
  const item: PostItem =
    post.username === undefined
      ? { user: post.authorId, date, id: post.id, createdAt: post.createdAt, text: post.text, rule }
      : { user: post.authorId, date, id: post.id, createdAt: post.createdAt, text: post.text, rule, username: post.username };
  return post.reference === undefined && post.earlier === undefined ? item : withContext(item, post);
}
