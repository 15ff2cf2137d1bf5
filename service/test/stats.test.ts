import { expect } from "chai";
import { DailyReads, SkipLog, Stats } from "../src/ops/stats";

describe("stats", () => {
  it("sums skips by reason and resets the period's latency only", () => {
    const s = new Stats();
    s.skip("not-json");
    s.skip("not-json");
    s.skip("oversized");
    s.writeLatency(10);
    const period = s.snapshot(3, 1, "period");
    expect(period).to.deep.include({ skipped: 3, queueDepth: 3, batchesInFlight: 1 });
    expect(period.skippedByReason).to.deep.equal({ "not-json": 2, "missing-fields": 0, "stream-error": 0, oversized: 1 });
    expect(period.writeLatencyMs.count).to.equal(1);
    expect(s.snapshot(0, 0, "period").writeLatencyMs).to.deep.equal({ p50: null, p99: null, count: 0 });
    expect(s.snapshot(0, 0, "run").writeLatencyMs.count).to.equal(1);
  });
});

describe("skip log", () => {
  it("logs each reason at most once per period, with the count since its last line", () => {
    let now = 0;
    const lines: Array<Record<string, unknown>> = [];
    const log = new SkipLog(
      1000,
      (f) => lines.push(f),
      () => now,
    );
    log.record("not-json", "a");
    log.record("not-json", "b");
    log.record("stream-error", "c");
    now = 500;
    log.record("not-json", "d");
    now = 1000;
    log.record("not-json", "e");
    expect(lines).to.deep.equal([
      { reason: "not-json", sample: "a", count: 1 },
      { reason: "stream-error", sample: "c", count: 1 },
      { reason: "not-json", sample: "e", count: 3 },
    ]);
  });
});

describe("daily reads", () => {
  it("counts posts per UTC day and reports each finished day once, at the first read or roll after midnight", () => {
    const days: unknown[] = [];
    const midnight = Date.UTC(2026, 10, 23);
    const d = new DailyReads(midnight - 2000, (c) => days.push(c));
    d.count(midnight - 1000);
    d.count(midnight - 1);
    expect(d.current()).to.deep.equal({ day: "2026-11-22", posts: 2 });
    d.roll(midnight);
    d.count(midnight + 5);
    d.roll(midnight + 86_400_000 * 3);
    expect(days).to.deep.equal([
      { day: "2026-11-22", posts: 2 },
      { day: "2026-11-23", posts: 1 },
    ]);
    expect(d.current()).to.deep.equal({ day: "2026-11-26", posts: 0 });
  });

  it("shows the day so far in every snapshot", () => {
    const s = new Stats(
      () => undefined,
      () => Date.UTC(2026, 0, 2, 3),
    );
    s.read();
    expect(s.snapshot(0, 0, "period").dailyReads).to.deep.equal({ day: "2026-01-02", posts: 1 });
  });
});
