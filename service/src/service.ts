/**
 * The service: rules in place, the stream read into a bounded queue, matches written to DynamoDB, stats logged,
 * and an orderly stop that writes everything already received.
 */
import type { Config } from "./config";
import fs from "node:fs";
import { createDocumentClient } from "./store/dynamo";
import { beatIntervalMs, Heartbeat, staleAfterMs } from "./ops/heartbeat";
import { intake } from "./intake/intake";
import type { LineSink } from "./stream/lineSplitter";
import type { PostItem } from "./intake/item";
import { errorFields, type Logger } from "./ops/log";
import { PeriodMetrics } from "./metrics/emf";
import { itemBytes } from "./queue/itemSize";
import { OwnRule } from "./x/ownRule";
import { DropLog, SpillingQueue } from "./queue/queue";
import { retrying, StoppedError } from "./x/recovery";
import type { Redactor } from "./ops/redact";
import { RuleKeeper } from "./x/ruleKeeper";
import { RuleConflictError, syncRules, type RulePlan } from "./x/rules";
import { DiskSpill, segmentBytesFor } from "./queue/spill";
import { SkipLog, Stats } from "./ops/stats";
import { FilteredStream, type Outcome } from "./stream/stream";
import { BatchWriter } from "./store/writer";
import { canLogin, connectX, type XApi, type XEndpoint } from "./x/xApi";

/** A running service. */
export interface Running {
  /** Stops reading, writes what was received, then settles {@link done}. */
  stop(reason: string): void;
  /** The exit code: 0 after a clean stop, 1 after a fatal error or a stop that could not write everything, 2 when another tag holds the rule. */
  readonly done: Promise<number>;
}

interface Control {
  reason: string | undefined;
  onStop: (reason: string) => void;
  /** Settles with the reason once the service is told to stop. */
  readonly stopped: Promise<string>;
}

/** Starts the service; never throws (failures settle `done` with 1). */
export function start(config: Config, log: Logger, redactor: Redactor): Running {
  let stopped: (reason: string) => void = () => undefined;
  const control: Control = { reason: undefined, onStop: () => undefined, stopped: new Promise((resolve) => (stopped = resolve)) };
  return {
    stop(reason) {
      if (control.reason !== undefined) return;
      control.reason = reason;
      stopped(reason);
      control.onStop(reason);
    },
    done: run(config, log, redactor, control),
  };
}

function endpoint(config: Config): XEndpoint {
  const base = { base: config.xApiBaseUrl, timeoutMs: config.xRequestTimeoutMs };
  return config.backfillMinutes === undefined ? base : { ...base, backfillMinutes: config.backfillMinutes };
}

/** Runs an X request of start-up or recovery, retrying its transient failures (`recovery.ts`). */
type Retry = <T>(stage: string, request: () => Promise<T>) => Promise<T>;

/** The {@link Retry} of a run: X's schedule, each retry logged, given up once the service stops. */
function retryOf(config: Config, log: Logger, control: Control): Retry {
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      void control.stopped.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  return (stage, request) =>
    retrying(request, {
      policy: config.backoff,
      sleep,
      stopped: () => control.reason !== undefined,
      onRetry: (error, attempt, delayMs) => log.warn("x_retry", { stage, attempt, delayMs, ...errorFields(error) }),
    });
}

async function connect(config: Config, redactor: Redactor, retry: Retry, own: OwnRule): Promise<{ x: XApi; plan: RulePlan }> {
  const x = await retry("token", () => connectX(config.credentials, endpoint(config), redactor));
  const plan = await retry("rules", () => syncRules(x.client.v2, own));
  return { x, plan };
}

/** The start's `rules` lines: what changed, and the rules of other tags, whose posts the app is billed for too. */
function logRules(log: Logger, plan: RulePlan): void {
  log.info("rules", { added: plan.add !== null, removed: plan.remove });
  if (plan.others.length === 0) return;
  log.warn("other_rules", {
    count: plan.others.length,
    rules: plan.others.map((r) => ({ id: r.id, tag: r.tag ?? null, value: r.value })),
    note: "X delivers and bills to this app every post these rules match; the service counts them (unmatched) and does not store them",
  });
}

/** The `reconnect` log line's fields: the outcome without its classification object. */
function reconnectFields(outcome: Outcome, delayMs: number): Record<string, unknown> {
  const { refusal: _refusal, ...fields } = outcome;
  return { ...fields, delayMs };
}

/** Replaces a file's content atomically (a temporary file renamed over it), so that no reader sees half of it. */
function replaceFile(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

/** The heartbeat of the health check: `started` at start, then the time of each line the stream delivers. */
function startHeartbeat(config: Config, log: Logger): Heartbeat {
  const heartbeat = new Heartbeat(
    beatIntervalMs(staleAfterMs(config.backoff, config.stallTimeoutMs)),
    (content) => replaceFile(config.heartbeatFile, content),
    (error) => log.error("heartbeat_error", { file: config.heartbeatFile, ...errorFields(error) }),
  );
  heartbeat.start();
  return heartbeat;
}

/** The line sink with each sign of a live stream (a line, a keep-alive, even an oversized line) told to `heartbeat`. */
function beating(sink: LineSink, heartbeat: Heartbeat): LineSink {
  return {
    line(text) {
      heartbeat.beat();
      sink.line(text);
    },
    heartbeat() {
      heartbeat.beat();
      sink.heartbeat();
    },
    oversized(bytes) {
      heartbeat.beat();
      sink.oversized(bytes);
    },
  };
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

/** Where the waiting items are: the queue's fields of the `stats`, `stopping` and `posts_dropped` lines. */
function queueFields(queue: SpillingQueue<PostItem>, spill: DiskSpill<PostItem> | undefined): Record<string, number> {
  return { queueInMemory: queue.inMemory, queueMemoryBytes: queue.memoryBytes, spilled: spill?.length ?? 0, spillBytes: spill?.bytes ?? 0 };
}

async function run(config: Config, log: Logger, redactor: Redactor, control: Control): Promise<number> {
  log.info("start", {
    table: config.table,
    region: config.region,
    filter: config.filter.source,
    rule: config.filter.ruleValue,
    ruleTag: config.ruleTag,
    xApi: config.xApiBaseUrl.origin,
    ...(config.backfillMinutes === undefined ? {} : { backfillMinutes: config.backfillMinutes }),
  });
  const heartbeat = startHeartbeat(config, log);
  const retry = retryOf(config, log, control);
  const own = new OwnRule(config.ruleTag, config.filter.ruleValue);
  let x: XApi;
  try {
    const connecting = connect(config, redactor, retry, own);
    // Stopped first: the retries end with StoppedError, which nothing else awaits.
    connecting.catch(() => undefined);
    const first = await Promise.race([connecting, control.stopped]);
    if (typeof first === "string") {
      log.info("stopped", { exitCode: 0, reason: first, received: 0 });
      return 0;
    }
    x = first.x;
    logRules(log, first.plan);
  } catch (error) {
    if (error instanceof RuleConflictError) {
      log.error("config_error", { variable: "RULE_TAG", error: error.message });
      return 2;
    }
    log.error("fatal", { stage: "startup", ...errorFields(error) });
    return 1;
  }

  const stats = new Stats((day) => log.info("daily_reads", { ...day }));
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
  const queue = new SpillingQueue<PostItem>(config.queueMemoryBytes, spill, itemBytes);
  const skipLog = new SkipLog(config.skipLogIntervalMs, (fields) => log.warn("skipped", fields));
  const drops = new DropLog(config.skipLogIntervalMs, (count, total) =>
    log.error("posts_dropped", {
      count,
      total,
      ...queueFields(queue, spill),
      memoryBudget: config.queueMemoryBytes,
      spillBudget: config.spillMaxBytes,
    }),
  );
  let fatal: (stage: string, error: unknown) => void = () => undefined;

  const writer = new BatchWriter(
    createDocumentClient(config.region, config.writeTimeoutMs),
    queue,
    { table: config.table, concurrency: config.writeConcurrency, retryBaseMs: config.writeRetryBaseMs, retryMaxMs: config.writeRetryMaxMs },
    {
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
      fatal(error) {
        fatal("write", error);
      },
    },
  );

  const stream = new FilteredStream(
    {
      url: x.streamUrl,
      bearerToken: x.bearerToken,
      agent: x.agent,
      policy: config.backoff,
      stallTimeoutMs: config.stallTimeoutMs,
      maxLineBytes: config.maxLineBytes,
    },
    {
      ...beating(
        intake(own, config.filter.source, { queue, stats, skipLog, dropped: () => drops.dropped(queue.dropped), queued: () => writer.kick() }),
        heartbeat,
      ),
      connected() {
        // An HTTP 200 alone is not a live stream: the first line (a post or X's keep-alive, within 20 s) beats.
        stats.connection(true);
        log.info("connected", { url: `${x.streamUrl.origin}${x.streamUrl.pathname}` });
      },
      disconnected(outcome, delayMs) {
        stats.reconnects += 1;
        stats.connection(false);
        log.warn("reconnect", reconnectFields(outcome, delayMs));
        if (outcome.cause === "usage-capped") {
          stats.usageCapped += 1;
          log.error("usage_capped", { status: outcome.status, body: outcome.body, disconnectType: outcome.disconnectType, delayMs });
        }
      },
      streamError(problem) {
        log.warn("stream_error", { ...problem });
      },
      async reauthenticate() {
        if (!canLogin(config.credentials)) return undefined;
        x = await retry("token", () => connectX(config.credentials, endpoint(config), redactor, true));
        log.warn("reauthenticated", {});
        return x.bearerToken;
      },
      async resyncRules() {
        await keeper.check("HTTP 409: the stream had no rules");
      },
    },
  );

  const metrics = new PeriodMetrics(config.metricsService);
  // The period's `stats` line: the counters (readable fields) and the period's metrics (EMF members), plus a
  // `stats_skipped` line per skip reason of the period.
  const logStats = (): void => {
    const { snapshot, figures } = stats.endPeriod(queue.length, writer.batchesInFlight);
    const totals = { ...snapshot, dropped: queue.dropped };
    const documents = metrics.next(totals, figures, queue.takeHighWater(), snapshot.dailyReads.posts, Date.now());
    drops.flush(queue.dropped);
    log.info("stats", { ...snapshot, ...queueFields(queue, spill), dropped: queue.dropped, ...documents.stats });
    for (const members of documents.skippedByReason) log.info("stats_skipped", members);
  };
  const statsTimer = setInterval(logStats, config.statsIntervalMs);

  // Our rule, re-checked every RULE_CHECK_INTERVAL_MS and after each 409; a conflict found then is the start's.
  let conflict: (error: Error) => void = () => undefined;
  const keeper = new RuleKeeper(() => retry("rules", () => syncRules(x.client.v2, own)), config.ruleCheckIntervalMs, {
    readded(reason) {
      stats.rulesReadded += 1;
      log.error("rule_readded", {
        rule: own.value,
        ruleTag: own.tag,
        reason,
        note: "our rule was missing: posts published meanwhile were not delivered",
      });
    },
    removed(ids, reason) {
      log.warn("rules", { added: false, removed: ids, reason });
    },
    failed(error) {
      if (!(error instanceof StoppedError)) log.warn("rule_check_failed", errorFields(error));
    },
    fatal(error) {
      if (error instanceof RuleConflictError) conflict(error);
      else fatal("rules", error);
    },
  });
  keeper.start();

  const code = await new Promise<number>((resolve) => {
    fatal = (stage, error) => {
      if (error instanceof RuleConflictError) return conflict(error);
      stream.stop();
      log.error("fatal", { stage, unwritten: queue.length + writer.unwrittenInFlight, ...errorFields(error) });
      resolve(1);
    };
    conflict = (error) => {
      stream.stop();
      log.error("config_error", { variable: "RULE_TAG", error: error.message, unwritten: queue.length + writer.unwrittenInFlight });
      resolve(2);
    };
    const shutdown = (reason: string): void => {
      log.info("stopping", {
        reason,
        queueDepth: queue.length,
        ...queueFields(queue, spill),
        batchesInFlight: writer.batchesInFlight,
        itemsInFlight: writer.unwrittenInFlight,
      });
      stream.stop();
      const deadline = setTimeout(() => {
        log.error("stop_timeout", {
          timeoutMs: config.shutdownTimeoutMs,
          unwritten: queue.length + writer.unwrittenInFlight,
          ...queueFields(queue, spill),
        });
        resolve(1);
      }, config.shutdownTimeoutMs);
      void writer.idle().then(() => {
        clearTimeout(deadline);
        resolve(0);
      });
    };
    control.onStop = shutdown;
    if (control.reason !== undefined) shutdown(control.reason);
    stream.run().catch((error: unknown) => {
      if (!(error instanceof StoppedError)) fatal("stream", error);
    });
  });
  clearInterval(statsTimer);
  keeper.stop();
  logStats();
  const unwritten = queue.length + writer.unwrittenInFlight;
  log.info("stopped", {
    exitCode: code,
    ...stats.snapshot(queue.length, writer.batchesInFlight, "run"),
    dropped: queue.dropped,
    unwritten,
    spillPeakBytes: spill?.peakBytes ?? 0,
  });
  spill?.close();
  return code;
}
