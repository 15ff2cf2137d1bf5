/**
 * DynamoDB sizes of the service's items, and what a million stored posts cost in writes and storage. Rules from
 * "DynamoDB item sizes and formats", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html :
 * - a string attribute is (UTF-8 bytes of its name) + (UTF-8 bytes of its value);
 * - a list is (bytes of its name) + 3 + each element's size + 1 byte per element;
 * - for storage each item carries 100 bytes of overhead.
 * On-demand writes cost one write request unit per started KB of the item
 * (https://aws.amazon.com/dynamodb/pricing/on-demand/: "A standard write request unit can write an item up to 1 KB"),
 * and a put also writes each global secondary index whose key the item has, sized by what the index projects
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes).
 */
import type { PostItem } from "../../service/src/intake/item";

/** An item's attribute values as the service writes them: strings, and the edit history as a list of strings. */
export type ItemValue = string | readonly string[];

const utf8 = (s: string): number => Buffer.byteLength(s, "utf8");

/** Size of one attribute, in bytes. */
export function attributeBytes(name: string, value: ItemValue): number {
  if (typeof value === "string") return utf8(name) + utf8(value);
  return utf8(name) + 3 + value.reduce((n, element) => n + utf8(element) + 1, 0);
}

/** Size of an item, in bytes (what write units are computed from). */
export function itemBytes(item: Readonly<Record<string, ItemValue | undefined>>): number {
  return Object.entries(item).reduce((n, [name, value]) => (value === undefined ? n : n + attributeBytes(name, value)), 0);
}

/** Per-item storage overhead DynamoDB bills ("100 bytes of storage overhead for indexing"). */
export const STORAGE_OVERHEAD_BYTES = 100;

/** Write request units of one standard put of an item of this size. */
export function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}

/** The stored form of a post: the item without `replaces`, which the writer strips before the put. */
export function storedItem(item: PostItem): Readonly<Record<string, ItemValue | undefined>> {
  const { replaces: _replaces, ...stored } = item;
  return stored;
}

/** A global secondary index as the cost model sees it: its hash key and the non-key attributes it projects. */
export interface IndexShape {
  readonly hashKey: string;
  /** `nonKeyAttributes` of an `INCLUDE` index; none for `KEYS_ONLY`. */
  readonly projected: readonly string[];
}

/**
 * An item's entry in an index, or undefined when the item lacks the index's key (a sparse index: `byRef` holds only
 * retweets and quotes): the index key, the projected attributes and the table's keys.
 */
export function indexEntry(item: PostItem, index: IndexShape): Readonly<Record<string, ItemValue | undefined>> | undefined {
  const stored = storedItem(item);
  if (typeof stored[index.hashKey] !== "string") return undefined;
  const entry: Record<string, ItemValue | undefined> = { user: item.user, date: item.date, [index.hashKey]: stored[index.hashKey] };
  for (const name of index.projected) entry[name] = stored[name];
  return entry;
}

/** What storing one post costs in write units and storage. */
export interface PostWrite {
  readonly itemBytes: number;
  /** Write units of the table put plus each index write. */
  readonly writeUnits: number;
  /** Bytes billed as storage: the item and its index entries, each with the per-item overhead. */
  readonly storedBytes: number;
}

/** One stored post in a table with these global secondary indexes (this stack: `byId` on every post, `byRef` on retweets and quotes). */
export function postWrite(item: PostItem, indexes: readonly IndexShape[]): PostWrite {
  const bytes = itemBytes(storedItem(item));
  const entries = indexes.flatMap((index) => {
    const entry = indexEntry(item, index);
    return entry === undefined ? [] : [itemBytes(entry)];
  });
  return {
    itemBytes: bytes,
    writeUnits: writeUnits(bytes) + entries.reduce((n, e) => n + writeUnits(e), 0),
    storedBytes: bytes + STORAGE_OVERHEAD_BYTES + entries.reduce((n, e) => n + e + STORAGE_OVERHEAD_BYTES, 0),
  };
}
