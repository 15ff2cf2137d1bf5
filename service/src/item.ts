/** The DynamoDB item of a stored post. Key design agreed with infra: hash `user`, range `date`. */
import type { Post } from "./post";

/** One item of the table. */
export interface PostItem {
  /** Hash key: the author's X user id (stable, unlike the username). */
  readonly user: string;
  /** Range key: `<createdAt>#<id>`, unique per post, so a redelivered post overwrites itself. */
  readonly date: string;
  readonly id: string;
  readonly createdAt: string;
  readonly text: string;
  /** The FILTER that matched. */
  readonly rule: string;
  /** The author's @username, absent when X did not expand the author. */
  readonly username?: string;
}

/** Builds the item of a matched post. */
export function toItem(post: Post, rule: string): PostItem {
  const item = {
    user: post.authorId,
    date: `${post.createdAt}#${post.id}`,
    id: post.id,
    createdAt: post.createdAt,
    text: post.text,
    rule,
  };
  return post.username === undefined ? item : { ...item, username: post.username };
}
