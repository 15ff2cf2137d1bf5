/**
 * The service as a pipeline: X (a token, our rule) → stream → intake → queue → store (DynamoDB), with the stats line
 * and the heartbeat beside it, and an orderly stop that writes everything already received. Each stage is built in
 * its folder; `run` declares them in order and wires them. The queue is the middle: its consumer (the store) is
 * declared before its producer (intake, fed by the stream), which wakes the writers when it queues an item.
 */
import type { Config } from "./config";
import { RunEnd, untilEnded } from "./ending";
import { intake } from "./intake/intake";
import { beating, startHeartbeat } from "./ops/heartbeatFile";
import type { Logger } from "./ops/log";
import type { Redactor } from "./ops/redact";
import { SkipLog, Stats } from "./ops/stats";
import { statsLine } from "./ops/statsLine";
import { openQueue } from "./queue/openQueue";
import { createDocumentClient } from "./store/dynamo";
import { BatchWriter } from "./store/writer";
import { writerEvents, writerOptions } from "./store/writerLog";
import { FilteredStream } from "./stream/stream";
import { streamLog } from "./stream/streamLog";
import { keeperEvents } from "./x/keeperLog";
import { OwnRule } from "./x/ownRule";
import { RuleKeeper } from "./x/ruleKeeper";
import { openX, retryOf } from "./x/session";

/** A running service. */
export interface Running {
  /** Stops reading, writes what was received, then settles {@link done}. */
  stop(reason: string): void;
  /** The exit code: 0 after a clean stop, 1 after a fatal error or a stop that could not write everything, 2 when another tag holds the rule. */
  readonly done: Promise<number>;
}

/** Starts the service; never throws (failures settle `done` with 1). */
export function start(config: Config, log: Logger, redactor: Redactor): Running {
  const end = new RunEnd();
  return { stop: (reason) => end.stop(reason), done: run(config, log, redactor, end) };
}

/** The `start` line: what this run reads, and where it writes. */
function logStart(config: Config, log: Logger): void {
  log.info("start", {
    table: config.table,
    region: config.region,
    filter: config.filter.source,
    rule: config.filter.ruleValue,
    ruleTag: config.ruleTag,
    xApi: config.xApiBaseUrl.origin,
    ...(config.backfillMinutes === undefined ? {} : { backfillMinutes: config.backfillMinutes }),
  });
}

async function run(config: Config, log: Logger, redactor: Redactor, end: RunEnd): Promise<number> {
  logStart(config, log);
  const heartbeat = startHeartbeat(config, log);
  const retry = retryOf(config, log, end);

  // 1. X: a bearer token, and our rule on the stream (or the exit code of a start that could not have them).
  const own = new OwnRule(config.ruleTag, config.filter.ruleValue);
  const x = await openX(config, log, redactor, retry, own, end);
  if (typeof x === "number") return x;
  const stats = new Stats((day) => log.info("daily_reads", { ...day }));

  // 2. The queue: matched items in memory, then on disk, waiting for DynamoDB.
  const queue = openQueue(config, log);
  if (typeof queue === "number") return queue;

  // 3. The store: the writers drain the queue into the table; an error no retry cures ends the run.
  const client = createDocumentClient(config.region, config.writeTimeoutMs);
  const writer = new BatchWriter(
    client,
    queue.items,
    writerOptions(config),
    writerEvents(stats, log, (error) => end.fatal("write", error)),
  );

  // 4. Intake: each line read and counted, and queued when X attributes it to our rule; a queued item wakes the writers.
  const skipLog = new SkipLog(config.skipLogIntervalMs, (fields) => log.warn("skipped", fields));
  const lines = intake(own, config.filter.source, {
    queue: queue.items,
    stats,
    skipLog,
    dropped: () => queue.drops.dropped(queue.items.dropped),
    queued: () => writer.kick(),
  });

  // 5. Our rule kept: re-checked every RULE_CHECK_INTERVAL_MS and after the stream's 409; a conflict then is the start's.
  const keeper = new RuleKeeper(
    () => x.syncRules(own),
    config.ruleCheckIntervalMs,
    keeperEvents(stats, log, own, (error) => end.fatal("rules", error)),
  );

  // 6. The stream: one connection, reconnected by X's rules; every line a heartbeat, then intake's.
  const first = x.current;
  const streamOptions = { url: first.streamUrl, bearerToken: first.bearerToken, agent: first.agent, policy: config.backoff };
  const stream = new FilteredStream(
    { ...streamOptions, stallTimeoutMs: config.stallTimeoutMs, maxLineBytes: config.maxLineBytes },
    {
      ...beating(lines, heartbeat),
      ...streamLog(stats, log, () => x.current.streamUrl),
      reauthenticate: () => x.reauthenticate(),
      resyncRules: () => keeper.check("HTTP 409: the stream had no rules"),
    },
  );

  // Beside the pipeline: the `stats` line every STATS_INTERVAL_MS.
  const logStats = statsLine(config.metricsService, stats, queue, () => writer.batchesInFlight, log);
  const statsTimer = setInterval(logStats, config.statsIntervalMs);

  // Running until the first ending: a stop writes what waits (within SHUTDOWN_TIMEOUT_MS); a fatal error or a rule
  // conflict stops the stream and exits at once.
  keeper.start();
  const code = await untilEnded(end, { stream, writer, queue }, config.shutdownTimeoutMs, log);
  clearInterval(statsTimer);
  keeper.stop();
  logStats();
  log.info("stopped", {
    exitCode: code,
    ...stats.snapshot(queue.items.length, writer.batchesInFlight, "run"),
    dropped: queue.items.dropped,
    unwritten: queue.items.length + writer.unwrittenInFlight,
    spillPeakBytes: queue.spill?.peakBytes ?? 0,
  });
  queue.spill?.close();
  return code;
}
