/**
 * The stored posts as the compliance sweep sees them, through the table's two sparse keys-only indexes (infra/table.ts):
 * `byId` (every post's own id) and `byRef` (the retweeted or quoted post's id, with `refType`, on the items that hold
 * that post's text). The sweep reads their ids page by page, finds the items a reported id concerns with a Query, and
 * deletes them (BatchWriteCommand `DeleteRequest`s, retried until DynamoDB has accepted each) or removes a quote's
 * quoted text (UpdateCommand).
 */
import { BatchWriteCommand, QueryCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { jitteredDelay } from "../stream/backoff";
import type { ItemKey } from "../intake/item";

/** The table's global secondary index on `id` (infra/table.ts), projecting the keys only. */
export const BY_ID_INDEX = "byId";
/** The table's global secondary index on `refId` (infra/table.ts), projecting the keys and `refType`. */
export const BY_REF_INDEX = "byRef";
/** The indexes the sweep reads, in order, and the attribute each is keyed on. */
export const SWEPT = [
  { index: BY_ID_INDEX, attribute: "id" },
  { index: BY_REF_INDEX, attribute: "refId" },
] as const;
/** An index the sweep reads. */
export type SweptIndex = (typeof SWEPT)[number]["index"];

const BATCH = 25;

/** What the sweep needs of a document client. */
export type DocumentSender = Pick<DynamoDBDocumentClient, "send">;

/** A page position of a Scan (`LastEvaluatedKey`). */
export type ScanKey = Record<string, unknown>;

/** A chunk of ids from an index, and where the next chunk starts (undefined at the end of the index). */
export interface IdChunk {
  readonly ids: readonly string[];
  readonly next?: ScanKey;
}

/**
 * At most `limit` ids of `index`, from `start`; the chunk ends on a page boundary (each Scan's `Limit` is what is
 * left), so that `next` is exactly where the following chunk starts, and a sweep can resume there.
 */
export async function readChunk(
  doc: DocumentSender,
  table: string,
  index: SweptIndex,
  start: ScanKey | undefined,
  limit: number,
): Promise<IdChunk> {
  const attribute = SWEPT.find((s) => s.index === index)?.attribute ?? "id";
  const ids = new Set<string>();
  let at = start;
  let read = 0;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, IndexName: index, ExclusiveStartKey: at, Limit: limit - read }));
    for (const item of page.Items ?? []) {
      const id = (item as Record<string, unknown>)[attribute];
      if (typeof id === "string") ids.add(id);
    }
    read += page.Items?.length ?? 0;
    at = page.LastEvaluatedKey;
  } while (at !== undefined && read < limit);
  return at === undefined ? { ids: [...ids] } : { ids: [...ids], next: at };
}

/** A stored item that a reported id concerns. */
export interface Concerned extends ItemKey {
  /** `retweeted` or `quoted` when the id is the item's `refId`; absent when it is the item's own id. */
  readonly refType?: string;
}

/** The items whose own id is `id` (`byId`) and those that hold its text as a retweet or a quote (`byRef`). */
export async function concerned(doc: DocumentSender, table: string, id: string): Promise<Concerned[]> {
  const found: Concerned[] = [];
  for (const { index, attribute } of SWEPT) {
    let start: ScanKey | undefined;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: index,
          KeyConditionExpression: "#k = :id",
          ExpressionAttributeNames: { "#k": attribute },
          ExpressionAttributeValues: { ":id": id },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const { user, date, refType } = item as Record<string, unknown>;
        if (typeof user !== "string" || typeof date !== "string") continue;
        found.push(index === BY_REF_INDEX && typeof refType === "string" ? { user, date, refType } : { user, date });
      }
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
  }
  return found;
}

/**
 * Removes a quote's quoted text and says why (`quotedRemoved`), keeping the quote's own text. Only an item that still
 * exists is changed: false when it is gone (deleted meanwhile, or in the same sweep).
 */
export async function removeQuotedText(doc: DocumentSender, table: string, key: ItemKey, reason: string): Promise<boolean> {
  try {
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { user: key.user, date: key.date },
        UpdateExpression: "REMOVE quotedText SET quotedRemoved = :reason",
        ConditionExpression: "attribute_exists(#date)",
        ExpressionAttributeNames: { "#date": "date" },
        ExpressionAttributeValues: { ":reason": reason },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === "ConditionalCheckFailedException") return false;
    throw error;
  }
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
