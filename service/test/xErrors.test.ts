import { expect } from "chai";
import { classifyRefusal, resetIn } from "../src/xErrors";

const NOW = 1_800_000_000_000;

describe("refused stream connects", () => {
  it("tells a usage cap, TooManyConnections and a request-rate 429 apart", () => {
    const capped = JSON.stringify({ title: "UsageCapExceeded", type: "https://api.twitter.com/2/problems/usage-capped" });
    const tmc = JSON.stringify({ connection_issue: "TooManyConnections", type: "https://api.twitter.com/2/problems/streaming-connection" });
    const spent = { "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(NOW / 1000 + 60) };
    expect(classifyRefusal(429, spent, capped, NOW)).to.deep.equal({ action: "retry", cause: "usage-capped", resetInMs: 60_000 });
    expect(classifyRefusal(429, {}, tmc, NOW)).to.deep.equal({ action: "retry", cause: "too-many-connections" });
    expect(classifyRefusal(429, spent, "{}", NOW)).to.deep.equal({ action: "retry", cause: "rate-limited", resetInMs: 60_000 });
    expect(classifyRefusal(429, { ...spent, "x-rate-limit-remaining": "3" }, "not json", NOW)).to.deep.equal({
      action: "retry",
      cause: "rate-limited",
    });
  });

  it("reauthenticates on 401, stops on 403 saying what to check, re-syncs on 409", () => {
    expect(classifyRefusal(401, {}, "", NOW)).to.deep.equal({ action: "reauthenticate" });
    expect(classifyRefusal(403, {}, JSON.stringify({ detail: "not enrolled" }), NOW)).to.deep.equal({
      action: "fatal",
      message:
        "X refused the stream connect with HTTP 403 (not enrolled): check that the X plan includes the filtered stream, that the app is attached to a Project with that access, and the app's permissions",
    });
    expect(classifyRefusal(409, {}, "", NOW)).to.deep.equal({ action: "retry", cause: "no-rules" });
    expect(classifyRefusal(503, {}, "", NOW)).to.deep.equal({ action: "retry", cause: "http" });
  });

  it("reads x-rate-limit-reset only when usable", () => {
    expect(resetIn({ "x-rate-limit-reset": "abc", "x-rate-limit-remaining": "0" }, NOW)).to.equal(undefined);
    expect(resetIn({ "x-rate-limit-reset": String(NOW / 1000 - 5), "x-rate-limit-remaining": "0" }, NOW)).to.equal(0);
    expect(resetIn({ "x-rate-limit-reset": String(NOW / 1000 + 5) }, NOW, true)).to.equal(5_000);
  });
});
