import { expect } from "chai";
import { longestWaitMs, QUICK_RETRIES } from "../src/stream/backoff";
import { liveness } from "../src/config";
import { beatIntervalMs, Heartbeat, judgeHeartbeat, staleAfterMs, startupBoundMs } from "../src/ops/heartbeat";

describe("heartbeat bound", () => {
  it("is the stall timeout, the policy's longest wait and one more attempt: 18 minutes with the defaults", () => {
    const { backoff, stallTimeoutMs } = liveness({});
    expect(longestWaitMs(backoff)).to.equal(backoff.rateLimitMaxMs);
    expect(staleAfterMs(backoff, stallTimeoutMs)).to.equal(60_000 + 960_000 + 60_000);
  });

  it("follows whichever wait of the policy is longest", () => {
    const { backoff } = liveness({ USAGE_CAP_WAIT_MS: "2000000" });
    expect(staleAfterMs(backoff, 1000)).to.equal(2_002_000);
    const quick = liveness({ RECONNECT_PAUSE_MS: "400000" }).backoff;
    expect(longestWaitMs(quick)).to.equal(400_000 * QUICK_RETRIES);
  });

  it("gives the first connection one attempt, the policy's longest first wait at start, and one more attempt: 3 minutes with the defaults", () => {
    const { backoff, stallTimeoutMs } = liveness({});
    // X still counting the stopped task's connection: 429 TooManyConnections, the 1-minute schedule from a fresh start.
    expect(startupBoundMs(backoff, stallTimeoutMs)).to.equal(60_000 + backoff.rateLimitInitialMs + 60_000);
    // The HTTP schedule's first wait when it is the longest; a usage cap's wait is never counted.
    const http = liveness({ HTTP_BACKOFF_INITIAL_MS: "90000", RATE_LIMIT_BACKOFF_INITIAL_MS: "1000", USAGE_CAP_WAIT_MS: "86400000" });
    expect(startupBoundMs(http.backoff, 1000)).to.equal(1000 + 90_000 + 1000);
    // A first wait is never longer than its schedule's cap.
    const capped = liveness({ RATE_LIMIT_BACKOFF_INITIAL_MS: "600000", RATE_LIMIT_BACKOFF_MAX_MS: "30000" });
    expect(startupBoundMs(capped.backoff, 1000)).to.equal(1000 + 30_000 + 1000);
  });

  it("is never longer than the bound of a stream that was alive", () => {
    for (const env of [
      {},
      { RATE_LIMIT_BACKOFF_INITIAL_MS: "600000" },
      { HTTP_BACKOFF_INITIAL_MS: "3600000" },
      { NETWORK_BACKOFF_STEP_MS: "3600000" },
    ]) {
      const { backoff, stallTimeoutMs } = liveness(env);
      expect(startupBoundMs(backoff, stallTimeoutMs)).to.be.at.most(staleAfterMs(backoff, stallTimeoutMs));
    }
  });

  it("writes at most once a second, or four times per bound when that is shorter", () => {
    expect(beatIntervalMs(1_080_000)).to.equal(1000);
    expect(beatIntervalMs(2400)).to.equal(600);
  });
});

describe("heartbeat verdict", () => {
  it("is healthy up to the bound, unhealthy past it, without a file or with garbage in it", () => {
    expect(judgeHeartbeat("1000\n", 3000, 2000, 500)).to.deep.equal({
      healthy: true,
      message: "last heartbeat 2000 ms ago, within the bound of 2000 ms",
    });
    expect(judgeHeartbeat("1000", 3001, 2000, 500)).to.deep.equal({
      healthy: false,
      message: "last heartbeat 2001 ms ago, over the bound of 2000 ms",
    });
    expect(judgeHeartbeat(undefined, 0, 2000, 500)).to.deep.equal({
      healthy: false,
      message: "no heartbeat file: the service has not started, or cannot write it",
    });
    expect(judgeHeartbeat("", 0, 2000, 500)).to.deep.equal({ healthy: false, message: 'the heartbeat file holds no time: ""' });
    expect(judgeHeartbeat("started soon", 0, 2000, 500)).to.deep.equal({
      healthy: false,
      message: 'the heartbeat file holds no time: "started soon"',
    });
  });

  it("is unhealthy until the stream has delivered a line since the start, however fresh the start: starting within the start-up bound, failed past it", () => {
    expect(judgeHeartbeat("started 1000", 1000, 2000, 500)).to.deep.equal({
      healthy: false,
      message: "starting: no data from the stream yet, 0 ms after start, within the start-up bound of 500 ms",
    });
    expect(judgeHeartbeat("started 1000\n", 1500, 2000, 500)).to.deep.equal({
      healthy: false,
      message: "starting: no data from the stream yet, 500 ms after start, within the start-up bound of 500 ms",
    });
    expect(judgeHeartbeat("started 1000", 1501, 2000, 500)).to.deep.equal({
      healthy: false,
      message: "no data from the stream since the start 501 ms ago, over the start-up bound of 500 ms",
    });
  });
});

describe("heartbeat writer", () => {
  it("writes the time at most once per interval and reports only its first failure", () => {
    let now = 10_000;
    const written: string[] = [];
    const failures: unknown[] = [];
    let fail = false;
    const beat = new Heartbeat(
      500,
      (content) => {
        if (fail) throw new Error("EROFS");
        written.push(content);
      },
      (error) => failures.push(error),
      () => now,
    );
    beat.beat();
    now += 499;
    beat.beat();
    now += 1;
    beat.beat();
    expect(written).to.deep.equal(["10000", "10500"]);
    fail = true;
    now += 500;
    beat.beat();
    now += 500;
    beat.beat();
    expect(failures).to.have.length(1);
  });

  it("marks the start, then writes the first beat at once, however soon after the start", () => {
    const now = 10_000;
    const written: string[] = [];
    const beat = new Heartbeat(
      500,
      (content) => written.push(content),
      () => undefined,
      () => now,
    );
    beat.start();
    beat.beat();
    beat.beat();
    expect(written).to.deep.equal(["started 10000", "10000"]);
  });
});
