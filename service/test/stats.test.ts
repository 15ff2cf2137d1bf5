import { expect } from "chai";
import { SkipLog, Stats } from "../src/stats";

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
    const log = new SkipLog(1000, (f) => lines.push(f), () => now);
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
