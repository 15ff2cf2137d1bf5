/** What happens to each stream line: read, counted, matched locally, and queued for writing when it matches. */
import type { Filter } from "./filter";
import { toItem, type PostItem } from "./item";
import type { LineSink } from "./lineSplitter";
import { readLine } from "./post";
import type { BoundedQueue } from "./queue";
import type { SkipLog, Stats } from "./stats";

/** Where matched items go, and who hears about them. */
export interface IntakeTargets {
  readonly queue: BoundedQueue<PostItem>;
  readonly stats: Stats;
  readonly skipLog: SkipLog;
  /** The queue reached its capacity: pause the stream. */
  full(): void;
  /** An item was queued: start writing. */
  queued(): void;
}

/** A line sink that stores only posts matching `filter`, and counts and logs everything it skips. */
export function intake(filter: Filter, targets: IntakeTargets): LineSink {
  const { queue, stats, skipLog } = targets;
  return {
    line(text) {
      stats.received += 1;
      const result = readLine(text);
      if (result.kind === "skip") {
        stats.skip(result.reason);
        skipLog.record(result.reason, result.sample);
      } else if (!filter.matches(result.post.text)) {
        stats.unmatched += 1;
      } else {
        stats.matched += 1;
        if (!queue.push(toItem(result.post, filter.source))) targets.full();
        targets.queued();
      }
    },
    heartbeat() {
      stats.heartbeats += 1;
    },
    oversized(bytes) {
      stats.received += 1;
      stats.skip("oversized");
      skipLog.record("oversized", `${bytes} bytes`);
    },
  };
}
