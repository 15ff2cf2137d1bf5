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
import type { PostItem } from "../../service/src/item";

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

/** A KEYS_ONLY index entry: the index key and the table's keys (the `byId` index: `id`, `user`, `date`). */
export function keysOnlyEntry(item: PostItem): Readonly<Record<string, ItemValue>> {
  return { id: item.id, user: item.user, date: item.date };
}

/** What storing one post costs in write units and storage. */
export interface PostWrite {
  readonly itemBytes: number;
  /** Write units of the table put plus each index write. */
  readonly writeUnits: number;
  /** Bytes billed as storage: the item and its index entries, each with the per-item overhead. */
  readonly storedBytes: number;
}

/** One stored post in a table with `indexes` KEYS_ONLY global secondary indexes on `id` (this stack: one, `byId`). */
export function postWrite(item: PostItem, indexes: number): PostWrite {
  const bytes = itemBytes(storedItem(item));
  const entry = itemBytes(keysOnlyEntry(item));
  return {
    itemBytes: bytes,
    writeUnits: writeUnits(bytes) + indexes * writeUnits(entry),
    storedBytes: bytes + STORAGE_OVERHEAD_BYTES + indexes * (entry + STORAGE_OVERHEAD_BYTES),
  };
}
