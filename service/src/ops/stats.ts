/** Counters of the service, reported every few seconds and at exit. */
import { LatencyHistogram } from "./histogram";
import type { SkipReason } from "../intake/post";

/** What the stats line reports. */
export interface StatsSnapshot {
  /** Non-empty stream lines read: matched + unmatched + skipped. */
  readonly received: number;
  /** Posts X attributed to our rule (`matching_rules`): the ones stored. */
  readonly matched: number;
  /** Posts only other rules of the app matched: billed to the app, not stored. */
  readonly unmatched: number;
  /** What the unmatched posts cost at most, USD: `unmatched` × {@link POST_READ_USD}. */
  readonly unmatchedUsd: number;
  readonly skipped: number;
  readonly skippedByReason: Readonly<Record<SkipReason, number>>;
  /** Items DynamoDB accepted. */
  readonly stored: number;
  /** Copies of an item already in the same batch (a post redelivered), written once. */
  readonly duplicates: number;
  /** DynamoDB retries: unprocessed items, throttling, network errors. */
  readonly retries: number;
  readonly reconnects: number;
  readonly heartbeats: number;
  readonly queueDepth: number;
  readonly batchesInFlight: number;
  /** BatchWriteCommand round trip, ms, over the period (or the whole run for the final line). */
  readonly writeLatencyMs: { readonly p50: number | null; readonly p99: number | null; readonly count: number };
  /** Earlier versions of edited posts deleted from the table. */
  readonly replaced: number;
  /** Posts read from X in the current UTC day (what X bills): see {@link DailyReads}. */
  readonly dailyReads: DayCount;
  /** Stream connects refused with X's usage-capped 429. */
  readonly usageCapped: number;
  /** Times our rule was found missing (deleted behind our back) and added again. */
  readonly rulesReadded: number;
}

/** What a stats period has besides its counters: the figures of the period alone, for its EMF metrics. */
export interface PeriodFigures {
  /**
   * The period's BatchWriteCommand round trips, ms: each one when there were at most {@link LATENCY_VALUES}, else
   * that many evenly spaced quantiles (0 to 100 %) of the period's histogram. Empty when nothing was written.
   */
  readonly writeLatencies: number[];
  /** True when the stream was connected (HTTP 200 and not since disconnected) for the whole period. */
  readonly connectedThroughout: boolean;
}

/** The most values a stats line gives for the write latency: EMF's limit of values per metric. */
export const LATENCY_VALUES = 100;

/**
 * X's pay-per-use price of one post read, USD: "Posts: Read $0.005 per resource"
 * (https://docs.x.com/x-api/getting-started/pricing, read in December 2026; "Prices are subject to change", the
 * Developer Console shows the current rate). Each post is billed once per day (https://docs.x.com/x-api/fundamentals/post-cap),
 * so a count of posts times this price is an upper bound. Enterprise prices are per contract.
 */
export const POST_READ_USD = 0.005;

/** Posts read in one UTC day: the `daily_reads` log line. */
export interface DayCount {
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
  readonly posts: number;
}

const DAY_MS = 86_400_000;

/**
 * Counts the posts read per UTC day, the unit of X's pay-per-use billing (each post billed once per day:
 * https://docs.x.com/x-api/fundamentals/post-cap). A redelivered post counts again here, so the count is an upper
 * bound of what X bills. Cheap per post: a division and a comparison; the day is formatted only at a rollover.
 */
export class DailyReads {
  private dayNumber: number;
  private posts = 0;

  /** @param onDayEnd hears each finished day (with at least one post), once, when the next day is first seen. */
  constructor(
    nowMs: number,
    private readonly onDayEnd: (count: DayCount) => void,
  ) {
    this.dayNumber = Math.floor(nowMs / DAY_MS);
  }

  /** Counts one post read at `nowMs`. */
  count(nowMs: number): void {
    this.roll(nowMs);
    this.posts += 1;
  }

  /** Ends the day when `nowMs` is in a later one (a quiet stream still rolls over with the periodic stats). */
  roll(nowMs: number): void {
    const day = Math.floor(nowMs / DAY_MS);
    if (day === this.dayNumber) return;
    const finished = this.current();
    this.dayNumber = day;
    this.posts = 0;
    if (finished.posts > 0) this.onDayEnd(finished);
  }

  /** The day so far. */
  current(): DayCount {
    return { day: new Date(this.dayNumber * DAY_MS).toISOString().slice(0, 10), posts: this.posts };
  }
}

/** Mutable counters; the service increments them directly. */
export class Stats {
  received = 0;
  matched = 0;
  unmatched = 0;
  stored = 0;
  duplicates = 0;
  retries = 0;
  reconnects = 0;
  heartbeats = 0;
  replaced = 0;
  usageCapped = 0;
  rulesReadded = 0;
  readonly skippedByReason: Record<SkipReason, number> = { "not-json": 0, "missing-fields": 0, "stream-error": 0, oversized: 0 };
  private readonly period = new LatencyHistogram();
  private readonly run = new LatencyHistogram();
  private readonly daily: DailyReads;
  /** The period's first round trips, kept as measured while there are at most {@link LATENCY_VALUES}. */
  private periodLatencies: number[] = [];
  private streamUp = false;
  /** The stream was down at some time in the period. */
  private downInPeriod = true;

  /**
   * @param onDayEnd hears the posts read in each finished UTC day (the service logs it as `daily_reads`).
   * @param now a clock in ms. @default Date.now
   */
  constructor(
    onDayEnd: (count: DayCount) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.daily = new DailyReads(now(), onDayEnd);
  }

  /** Counts one post read from X (billed), at the current time. */
  read(): void {
    this.daily.count(this.now());
  }

  /** Records one BatchWriteCommand round trip. */
  writeLatency(ms: number): void {
    this.period.record(ms);
    this.run.record(ms);
    if (this.periodLatencies.length < LATENCY_VALUES) this.periodLatencies.push(Math.round(ms * 10) / 10);
  }

  /** The stream connected (HTTP 200) or, with false, disconnected. */
  connection(up: boolean): void {
    this.streamUp = up;
    if (!up) this.downInPeriod = true;
  }

  /** Ends the stats period: the counters now (latency of the period) and the period's own figures; starts the next. */
  endPeriod(queueDepth: number, batchesInFlight: number): { snapshot: StatsSnapshot; figures: PeriodFigures } {
    const writeLatencies = this.period.count <= LATENCY_VALUES ? this.periodLatencies : this.period.quantiles(LATENCY_VALUES);
    const figures = { writeLatencies, connectedThroughout: this.streamUp && !this.downInPeriod };
    this.downInPeriod = !this.streamUp;
    return { snapshot: this.snapshot(queueDepth, batchesInFlight, "period"), figures };
  }

  /** Counts a skipped line. */
  skip(reason: SkipReason): void {
    this.skippedByReason[reason] += 1;
  }

  /**
   * The counters now. With `scope` "period" the latency covers the time since the previous period snapshot, which
   * this call starts afresh; with "run" it covers the whole run.
   */
  snapshot(queueDepth: number, batchesInFlight: number, scope: "period" | "run"): StatsSnapshot {
    const h = scope === "period" ? this.period : this.run;
    const writeLatencyMs = { p50: h.percentile(0.5), p99: h.percentile(0.99), count: h.count };
    if (scope === "period") {
      this.period.reset();
      this.periodLatencies = [];
    }
    this.daily.roll(this.now());
    const skipped = Object.values(this.skippedByReason).reduce((a, b) => a + b, 0);
    return {
      received: this.received,
      matched: this.matched,
      unmatched: this.unmatched,
      unmatchedUsd: Math.round(this.unmatched * POST_READ_USD * 1000) / 1000,
      skipped,
      skippedByReason: { ...this.skippedByReason },
      stored: this.stored,
      duplicates: this.duplicates,
      retries: this.retries,
      reconnects: this.reconnects,
      heartbeats: this.heartbeats,
      queueDepth,
      batchesInFlight,
      writeLatencyMs,
      replaced: this.replaced,
      dailyReads: this.daily.current(),
      usageCapped: this.usageCapped,
      rulesReadded: this.rulesReadded,
    };
  }
}

/** Logs skipped input at most once per period and reason, with a sample and the count since the last line. */
export class SkipLog {
  private readonly last = new Map<SkipReason, { at: number; unlogged: number }>();

  /**
   * @param emit writes one log line.
   * @param now a clock in ms. @default Date.now
   */
  constructor(
    private readonly periodMs: number,
    private readonly emit: (fields: Record<string, unknown>) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes one skipped line; logs it when the reason was not logged within the period. */
  record(reason: SkipReason, sample: string): void {
    const t = this.now();
    const entry = this.last.get(reason);
    if (entry !== undefined && t - entry.at < this.periodMs) {
      entry.unlogged += 1;
      return;
    }
    this.emit({ reason, sample, count: (entry?.unlogged ?? 0) + 1 });
    this.last.set(reason, { at: t, unlogged: 0 });
  }
}
