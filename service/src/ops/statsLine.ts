/** The period's `stats` line: the counters (readable fields) and the period's metrics (EMF members, `metrics/`). */
import { PeriodMetrics } from "../metrics/emf";
import type { WriteQueue } from "../queue/openQueue";
import type { Logger } from "./log";
import type { Stats } from "./stats";

/**
 * Logs one period's `stats` line, plus a `stats_skipped` line per skip reason of the period, and the drops not
 * reported yet; each call ends a period. `batchesInFlight` is the writer's.
 */
export function statsLine(service: string, stats: Stats, queue: WriteQueue, batchesInFlight: () => number, log: Logger): () => void {
  const metrics = new PeriodMetrics(service);
  const { items, drops } = queue;
  return () => {
    const { snapshot, figures } = stats.endPeriod(items.length, batchesInFlight());
    const totals = { ...snapshot, dropped: items.dropped };
    const documents = metrics.next(totals, figures, items.takeHighWater(), snapshot.dailyReads.posts, Date.now());
    drops.flush(items.dropped);
    log.info("stats", { ...snapshot, ...queue.fields(), dropped: items.dropped, ...documents.stats });
    for (const members of documents.skippedByReason) log.info("stats_skipped", members);
  };
}
