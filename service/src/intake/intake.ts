/** What happens to each stream line: read, counted, and queued for writing when X says our rule matched it. */
import { toItem, type PostItem } from "./item";
import type { LineSink } from "../stream/lineSplitter";
import type { OwnRule } from "../x/ownRule";
import { readLine } from "./post";
import type { SpillingQueue } from "../queue/queue";
import type { SkipLog, Stats } from "../ops/stats";

/** Where matched items go, and who hears about them. */
export interface IntakeTargets {
  readonly queue: SpillingQueue<PostItem>;
  readonly stats: Stats;
  readonly skipLog: SkipLog;
  /** Both of the queue's budgets were spent: the item was dropped (counted in the queue's `dropped`). */
  dropped(): void;
  /** An item was queued: start writing. */
  queued(): void;
}

/**
 * A line sink that stores a post if and only if X's `matching_rules` names our rule: X's attribution is what X bills
 * for, and no local matcher can agree with it in every case (X's tokenizer, scripts without spaces, normalisation,
 * retweets, operators such as `lang:`). A post that only other rules of the app matched is counted (`unmatched`: it is
 * billed to the app all the same) and not stored. Everything skipped is counted and logged.
 * @param source FILTER as configured, stored with each item as its rule.
 */
export function intake(own: OwnRule, source: string, targets: IntakeTargets): LineSink {
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
      if (!own.matched(result.matchingRules)) {
        stats.unmatched += 1;
      } else {
        stats.matched += 1;
        if (queue.push(toItem(result.post, source)) === "dropped") targets.dropped();
        else targets.queued();
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
