/** What happens to each stream line: read, counted, matched locally, and queued for writing when it matches. */
import type { Filter } from "./filter";
import { toItem, type PostItem } from "./item";
import type { LineSink } from "./lineSplitter";
import { isRetweet, matchedText, readLine } from "./post";
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

/**
 * A line sink that stores only posts matching `filter`, and counts and logs everything it skips. A post is matched on
 * what X's rule matched ({@link matchedText}: a quote with its quoted post, a retweet by the original's text).
 * @param excludeRetweets skip retweets, as the rule's `-is:retweet` asks X to (`EXCLUDE_RETWEETS`). @default false
 */
export function intake(filter: Filter, targets: IntakeTargets, excludeRetweets = false): LineSink {
  const { queue, stats, skipLog } = targets;
  return {
    line(text) {
      stats.received += 1;
      const result = readLine(text);
      if (result.kind === "skip") {
        stats.skip(result.reason);
        skipLog.record(result.reason, result.sample);
        return;
      }
      stats.read();
      if (excludeRetweets && isRetweet(result.post)) {
        stats.unmatched += 1;
        stats.retweetsExcluded += 1;
      } else if (!filter.matches(matchedText(result.post))) {
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
