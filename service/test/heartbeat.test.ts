import { expect } from "chai";
import { longestWaitMs, QUICK_RETRIES } from "../src/backoff";
import { liveness } from "../src/config";
import { beatIntervalMs, Heartbeat, judgeHeartbeat, staleAfterMs } from "../src/heartbeat";

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

  it("writes at most once a second, or four times per bound when that is shorter", () => {
    expect(beatIntervalMs(1_080_000)).to.equal(1000);
    expect(beatIntervalMs(2400)).to.equal(600);
  });
});

describe("heartbeat verdict", () => {
  it("is healthy up to the bound, unhealthy past it, without a file or with garbage in it", () => {
    expect(judgeHeartbeat("1000\n", 3000, 2000)).to.deep.equal({
      healthy: true,
      message: "last heartbeat 2000 ms ago, within the bound of 2000 ms",
    });
    expect(judgeHeartbeat("1000", 3001, 2000)).to.deep.equal({ healthy: false, message: "last heartbeat 2001 ms ago, over the bound of 2000 ms" });
    expect(judgeHeartbeat(undefined, 0, 2000)).to.deep.equal({
      healthy: false,
      message: "no heartbeat file: the service has not started, or cannot write it",
    });
    expect(judgeHeartbeat("", 0, 2000)).to.deep.equal({ healthy: false, message: 'the heartbeat file holds no time: ""' });
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
});
