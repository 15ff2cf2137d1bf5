import { expect } from "chai";
import { LatencyHistogram } from "../src/ops/histogram";

describe("latency histogram", () => {
  it("gives null when empty", () => {
    expect(new LatencyHistogram().percentile(0.5)).to.equal(null);
  });

  it("gives percentiles within 5 %", () => {
    const h = new LatencyHistogram();
    for (let ms = 1; ms <= 1000; ms += 1) h.record(ms);
    const p50 = h.percentile(0.5) ?? 0;
    const p99 = h.percentile(0.99) ?? 0;
    expect(p50).to.be.within(500, 525);
    expect(p99).to.be.within(990, 1040);
    expect(h.count).to.equal(1000);
    h.reset();
    expect(h.count).to.equal(0);
  });
});
