import { unusable, type Fetched } from "./fetched";

/**
 * One top-level field of a JSON `SecretString`, as ECS does for `valueFrom` with a JSON key: a string field is written
 * as is, any other JSON value as its JSON text. The parser's own error is dropped: it quotes the secret.
 */
export function extractJsonKey(secretString: string, jsonKey: string): Fetched {
  let document: unknown;
  try {
    document = JSON.parse(secretString);
  } catch {
    return unusable("SecretStringNotJsonObject");
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return unusable("SecretStringNotJsonObject");
  }
  if (!Object.hasOwn(document, jsonKey)) {
    return unusable("JsonKeyNotFound");
  }
  const value: unknown = (document as Record<string, unknown>)[jsonKey];
  return { ok: true, bytes: Buffer.from(typeof value === "string" ? value : JSON.stringify(value), "utf8") };
}
