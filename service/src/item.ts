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

/** Builds the item of a matched post (one object literal: this runs for every match). */
export function toItem(post: Post, rule: string): PostItem {
  const date = `${post.createdAt}#${post.id}`;
  return post.username === undefined
    ? { user: post.authorId, date, id: post.id, createdAt: post.createdAt, text: post.text, rule }
    : { user: post.authorId, date, id: post.id, createdAt: post.createdAt, text: post.text, rule, username: post.username };
}
