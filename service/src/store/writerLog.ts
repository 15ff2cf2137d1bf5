/** What the writer's events do in a run: DynamoDB's answers counted in the stats, retries logged now and then. */
import type { Config } from "../config";
import type { Logger } from "../ops/log";
import type { Stats } from "../ops/stats";
import type { WriterEvents, WriterOptions } from "./writer";

/** The writer's settings from the configuration (DYNAMODBTABLE, WRITE_CONCURRENCY, WRITE_RETRY_*). */
export function writerOptions(config: Config): WriterOptions {
  return { table: config.table, concurrency: config.writeConcurrency, retryBaseMs: config.writeRetryBaseMs, retryMaxMs: config.writeRetryMaxMs };
}

/**
 * The writer's events: counted in `stats`; a `write_retry` line at the first retry and every 100th; `fatal` hears an
 * error no retry cures (the run ends).
 */
export function writerEvents(stats: Stats, log: Logger, fatal: (error: unknown) => void): WriterEvents {
  return {
    stored(count, latencyMs) {
      stats.stored += count;
      stats.writeLatency(latencyMs);
    },
    duplicates(count) {
      stats.duplicates += count;
    },
    replaced(count) {
      stats.replaced += count;
    },
    retry(reason, items) {
      stats.retries += 1;
      if (stats.retries === 1 || stats.retries % 100 === 0) log.warn("write_retry", { reason, items, retries: stats.retries });
    },
    fatal,
  };
}
