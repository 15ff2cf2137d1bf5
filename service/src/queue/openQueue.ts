/**
 * The write queue of a run: matched items in memory up to QUEUE_MEMORY_BYTES, beyond it in spill files up to
 * SPILL_MAX_BYTES (none when it is 0), beyond both dropped and reported as `posts_dropped` lines.
 */
import type { Config } from "../config";
import type { PostItem } from "../intake/item";
import { errorFields, type Logger } from "../ops/log";
import { itemBytes } from "./itemSize";
import { DropLog, SpillingQueue } from "./queue";
import { DiskSpill, segmentBytesFor } from "./spill";

/** The queue, its spill and its drop log. */
export interface WriteQueue {
  readonly items: SpillingQueue<PostItem>;
  /** Undefined when `SPILL_MAX_BYTES` is 0. */
  readonly spill: DiskSpill<PostItem> | undefined;
  /** The `posts_dropped` lines: at the first drop, then at most every SKIP_LOG_INTERVAL_MS, and at each `stats` line. */
  readonly drops: DropLog;
  /** Where the waiting items are: the queue's fields of the `stats`, `stopping` and `posts_dropped` lines. */
  fields(): Record<string, number>;
}

/**
 * The queue's spill to disk, its directory created; undefined when `SPILL_MAX_BYTES` is 0. A disk that fails later
 * turns the spill off: logged as an error with the items lost with it (counted as dropped).
 */
function openSpill(config: Config, log: Logger): DiskSpill<PostItem> | undefined {
  if (config.spillMaxBytes === 0) return undefined;
  const spill = new DiskSpill<PostItem>(
    { dir: config.spillDir, maxBytes: config.spillMaxBytes, segmentBytes: segmentBytesFor(config.spillMaxBytes) },
    { failed: (error, lost) => log.error("spill_failed", { dir: config.spillDir, lost, ...errorFields(error) }) },
  );
  spill.open();
  return spill;
}

/**
 * Opens the queue; its spill directory is created now. Returns the run's exit code instead, 1, when the directory
 * cannot be created or written (a `fatal` line, `stage: "spill"`, with the fix).
 */
export function openQueue(config: Config, log: Logger): WriteQueue | number {
  let spill: DiskSpill<PostItem> | undefined;
  try {
    spill = openSpill(config, log);
  } catch (error) {
    log.error("fatal", {
      stage: "spill",
      dir: config.spillDir,
      ...errorFields(error),
      fix: "set SPILL_DIR to a directory in a writable volume (the task's /tmp)",
    });
    return 1;
  }
  const items = new SpillingQueue<PostItem>(config.queueMemoryBytes, spill, itemBytes);
  const fields = (): Record<string, number> => ({
    queueInMemory: items.inMemory,
    queueMemoryBytes: items.memoryBytes,
    spilled: spill?.length ?? 0,
    spillBytes: spill?.bytes ?? 0,
  });
  const drops = new DropLog(config.skipLogIntervalMs, (count, total) =>
    log.error("posts_dropped", { count, total, ...fields(), memoryBudget: config.queueMemoryBytes, spillBudget: config.spillMaxBytes }),
  );
  return { items, spill, drops, fields };
}
