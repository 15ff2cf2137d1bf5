/**
 * The stored posts as the compliance sweep sees them: their ids and keys, read page by page from the table's `byId`
 * index (keys only, so a page holds many more posts than a page of the table), and the deletion of the ones X
 * reports, with BatchWriteCommand `DeleteRequest`s retried until DynamoDB has accepted each.
 */
import { BatchWriteCommand, ScanCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { jitteredDelay } from "../backoff";
import type { ItemKey } from "../item";

/** The table's global secondary index on `id` (infra/table.ts), projecting the keys only. */
export const BY_ID_INDEX = "byId";
const BATCH = 25;

/** A stored post: its id and its item's key. */
export interface StoredPost extends ItemKey {
  readonly id: string;
}

/** What the sweep needs of a document client. */
export type DocumentSender = Pick<DynamoDBDocumentClient, "send">;

/** Every stored post, in chunks of at most `chunk`, from a Scan of the `byId` index. */
export async function* storedPosts(doc: DocumentSender, table: string, chunk: number): AsyncGenerator<StoredPost[]> {
  let start: Record<string, unknown> | undefined;
  let pending: StoredPost[] = [];
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, IndexName: BY_ID_INDEX, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const { user, date, id } = item as Record<string, unknown>;
      if (typeof user === "string" && typeof date === "string" && typeof id === "string") pending.push({ user, date, id });
      if (pending.length === chunk) {
        yield pending;
        pending = [];
      }
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  if (pending.length > 0) yield pending;
}

/** Deletes these items, 25 per BatchWriteCommand, retrying unprocessed ones (at most `maxAttempts` per batch). */
export async function deleteItems(doc: DocumentSender, table: string, keys: readonly ItemKey[], maxAttempts = 10): Promise<number> {
  let deleted = 0;
  for (let at = 0; at < keys.length; at += BATCH) {
    let pending = keys.slice(at, at + BATCH).map((k) => ({ DeleteRequest: { Key: { user: k.user, date: k.date } } }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      const left = out.UnprocessedItems?.[table] ?? [];
      deleted += pending.length - left.length;
      if (left.length === 0) break;
      if (attempt >= maxAttempts) throw new Error(`DynamoDB left ${left.length} deletes unprocessed after ${maxAttempts} attempts`);
      pending = left.map((r) => ({
        DeleteRequest: { Key: { user: String(r.DeleteRequest?.Key?.["user"]), date: String(r.DeleteRequest?.Key?.["date"]) } },
      }));
      await new Promise((r) => setTimeout(r, jitteredDelay(100, 5000, attempt)));
    }
  }
  return deleted;
}
