import { expect } from "chai";
import { ConnectWindow, HEALTHY, jitteredDelay, nextBackoff, type BackoffState, type Disconnect } from "../src/stream/backoff";
import { X_SCHEDULE } from "./xSchedule";

function delays(causes: Disconnect[], resetInMs?: number): number[] {
  let state: BackoffState = HEALTHY;
  return causes.map((cause) => {
    const next = nextBackoff(X_SCHEDULE, state, cause, resetInMs);
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

  it("pauses before reconnecting after a drop the service caused (stall)", () => {
    expect(delays(["stalled", "stalled"])).to.deep.equal([5_000, 5_000]);
  });

  it("retries a 429 TooManyConnections after a drop quickly, 3 times, then on the 1-minute schedule", () => {
    const tmc = Array<Disconnect>(6).fill("too-many-connections");
    expect(delays(["stalled", ...tmc])).to.deep.equal([5_000, 5_000, 10_000, 15_000, 60_000, 120_000, 240_000]);
    expect(delays(["dropped", ...tmc.slice(0, 2)])).to.deep.equal([0, 5_000, 10_000]);
  });

  it("puts a 429 TooManyConnections without a drop before it on the 1-minute schedule", () => {
    expect(delays(["too-many-connections", "too-many-connections", "rate-limited"])).to.deep.equal([60_000, 120_000, 240_000]);
  });

  it("waits until x-rate-limit-reset (plus a second) when a 429 names it", () => {
    expect(delays(["rate-limited"], 7_000)).to.deep.equal([8_000]);
    expect(delays(["rate-limited"], -50)).to.deep.equal([1_000]);
  });

  it("waits long after a usage cap: the reset when later, else 15 minutes", () => {
    expect(delays(["usage-capped"])).to.deep.equal([900_000]);
    expect(delays(["usage-capped"], 3_600_000)).to.deep.equal([3_601_000]);
    expect(delays(["usage-capped"], 10_000)).to.deep.equal([900_000]);
  });

  it("reconnects at once after a 409 (rules re-synced) and after a new token, then backs off on HTTP's schedule", () => {
    expect(delays(["no-rules", "no-rules", "no-rules"])).to.deep.equal([0, 5_000, 10_000]);
    expect(delays(["unauthorized"])).to.deep.equal([0]);
  });

  it("waits after an in-stream operational disconnect as after an HTTP error: 5 s doubling to 320 s", () => {
    expect(delays(Array<Disconnect>(8).fill("operational-disconnect"))).to.deep.equal(delays(Array<Disconnect>(8).fill("http")));
    expect(delays(["operational-disconnect", "operational-disconnect"])).to.deep.equal([5_000, 10_000]);
  });

  it("starts a kind's sequence again when the kind changes", () => {
    expect(delays(["http", "http", "rate-limited", "http"])).to.deep.equal([5_000, 10_000, 60_000, 5_000]);
  });

  it("does not overflow after very many failures", () => {
    const state: BackoffState = { kind: "http", failures: 5_000, quickRetries: 0 };
    expect(nextBackoff(X_SCHEDULE, state, "http").delayMs).to.equal(320_000);
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

describe("connect window", () => {
  it("lets `limit` attempts through a window, then waits until the oldest leaves it", () => {
    const window = new ConnectWindow(3, 1000);
    for (const at of [0, 10, 20]) {
      expect(window.waitMs(at)).to.equal(0);
      window.record(at);
    }
    expect(window.waitMs(30)).to.equal(970);
    expect(window.waitMs(999)).to.equal(1);
    expect(window.waitMs(1000)).to.equal(0);
    window.record(1000);
    expect(window.count(1000)).to.equal(3);
    expect(window.waitMs(1005)).to.equal(5);
  });
});
