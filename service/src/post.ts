/** Turns one stream line into a post, or says why it is skipped. Pure: no I/O, no clock. */

/** The fields of a post the service needs. */
export interface Post {
  readonly id: string;
  readonly text: string;
  readonly authorId: string;
  readonly username: string | undefined;
  /** ISO-8601 UTC with milliseconds, e.g. `2026-11-22T01:02:03.000Z`. */
  readonly createdAt: string;
}

/** Why a line is skipped. */
export type SkipReason = "not-json" | "missing-fields" | "stream-error" | "oversized";

/** The outcome of reading one line. */
export type LineResult =
  | { readonly kind: "post"; readonly post: Post }
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
  return { kind: "post", post: { id, text, authorId, username: usernameOf(message, authorId), createdAt } };
}
