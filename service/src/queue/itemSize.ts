/**
 * What an item costs in memory, for the queue's memory budget: an upper estimate, cheap enough for every post (no
 * serialisation). V8 stores a string in 1 or 2 bytes per UTF-16 code unit plus a header; objects and array slots add
 * a fixed amount. `npm run queue-budget -w service` prints this estimate beside the heap measured per queued item.
 */
import type { PostItem } from "../intake/item";

/** The object, its hidden class share, its queue slot and size slot: bytes counted once per item. */
export const ITEM_OVERHEAD_BYTES = 160;
/** A string's header (and a pointer to it). */
export const STRING_OVERHEAD_BYTES = 24;

function strings(values: readonly string[]): number {
  let bytes = 0;
  for (const v of values) bytes += STRING_OVERHEAD_BYTES + 2 * v.length;
  return bytes;
}

function optional(value: string | undefined): number {
  return value === undefined ? 0 : STRING_OVERHEAD_BYTES + 2 * value.length;
}

/** The estimated bytes of `item` in memory: 2 bytes per UTF-16 code unit of each string, plus fixed overheads. */
export function itemBytes(item: PostItem): number {
  let bytes = ITEM_OVERHEAD_BYTES + strings([item.user, item.date, item.id, item.createdAt, item.text, item.rule]);
  bytes += optional(item.username) + optional(item.refType) + optional(item.refId) + optional(item.quotedText);
  if (item.editOf !== undefined) bytes += ITEM_OVERHEAD_BYTES + strings(item.editOf);
  if (item.replaces !== undefined) for (const k of item.replaces) bytes += ITEM_OVERHEAD_BYTES + strings([k.user, k.date]);
  return bytes;
}
