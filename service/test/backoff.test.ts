import { expect } from "chai";
import { HEALTHY, jitteredDelay, nextBackoff, type BackoffPolicy, type BackoffState, type Disconnect } from "../src/backoff";

const X: BackoffPolicy = {
  networkStepMs: 250,
  networkMaxMs: 16_000,
  httpInitialMs: 5_000,
  httpMaxMs: 320_000,
  rateLimitInitialMs: 60_000,
  rateLimitMaxMs: 960_000,
};

function delays(causes: Disconnect[]): number[] {
  let state: BackoffState = HEALTHY;
  return causes.map((cause) => {
    const next = nextBackoff(X, state, cause);
    state = next.state;
    return next.delayMs;
  });
}

describe("reconnect policy", () => {
  it("backs off linearly by 250 ms up to 16 s after network errors", () => {
    const d = delays(Array<Disconnect>(66).fill("network"));
    expect(d.slice(0, 4)).to.deep.equal([250, 500, 750, 1000]);
    expect(d[63]).to.equal(16_000);
    expect(d[65]).to.equal(16_000);
  });

  it("backs off exponentially from 5 s to 320 s after HTTP errors", () => {
    expect(delays(Array<Disconnect>(9).fill("http"))).to.deep.equal([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 320_000, 320_000]);
  });

  it("backs off exponentially from 1 minute after 429", () => {
    expect(delays(Array<Disconnect>(6).fill("rate-limited"))).to.deep.equal([60_000, 120_000, 240_000, 480_000, 960_000, 960_000]);
  });

  it("reconnects at once after an established connection drops", () => {
    expect(delays(["network", "network", "dropped", "network"])).to.deep.equal([250, 500, 0, 250]);
  });

  it("backs off linearly from 0 when connections drop again and again", () => {
    expect(delays(["dropped", "dropped", "dropped", "dropped"])).to.deep.equal([0, 250, 500, 750]);
  });

  it("starts a kind's sequence again when the kind changes", () => {
    expect(delays(["http", "http", "rate-limited", "http"])).to.deep.equal([5_000, 10_000, 60_000, 5_000]);
  });

  it("does not overflow after very many failures", () => {
    const state: BackoffState = { kind: "http", failures: 5_000 };
    expect(nextBackoff(X, state, "http").delayMs).to.equal(320_000);
  });
});

describe("jittered write back-off", () => {
  it("draws from 0 up to the doubled base, capped", () => {
    expect(jitteredDelay(100, 10_000, 1, () => 0.999)).to.equal(99);
    expect(jitteredDelay(100, 10_000, 4, () => 0.5)).to.equal(400);
    expect(jitteredDelay(100, 10_000, 20, () => 0.5)).to.equal(5_000);
    expect(jitteredDelay(100, 10_000, 3, () => 0)).to.equal(0);
  });
});
