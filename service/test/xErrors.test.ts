import { expect } from "chai";
import { classifyRefusal, resetIn, streamProblem } from "../src/stream/xErrors";

const NOW = 1_800_000_000_000;

describe("refused stream connects", () => {
  it("tells a usage cap, TooManyConnections and a request-rate 429 apart", () => {
    const capped = JSON.stringify({ title: "UsageCapExceeded", type: "https://api.twitter.com/2/problems/usage-capped" });
    const tmc = JSON.stringify({ connection_issue: "TooManyConnections", type: "https://api.twitter.com/2/problems/streaming-connection" });
    const spent = { "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(NOW / 1000 + 60) };
    expect(classifyRefusal(429, spent, capped, NOW)).to.deep.equal({
      action: "retry",
      cause: "usage-capped",
      resetInMs: 60_000,
      disconnectType: "UsageCapExceeded",
    });
    expect(classifyRefusal(429, {}, tmc, NOW)).to.deep.equal({
      action: "retry",
      cause: "too-many-connections",
      disconnectType: "TooManyConnections",
    });
    expect(classifyRefusal(429, spent, "{}", NOW)).to.deep.equal({ action: "retry", cause: "rate-limited", resetInMs: 60_000 });
    expect(classifyRefusal(429, { ...spent, "x-rate-limit-remaining": "3" }, "not json", NOW)).to.deep.equal({
      action: "retry",
      cause: "rate-limited",
    });
  });

  it("matches a problem type by its path, whatever the host: api.x.com (X's docs) as api.twitter.com", () => {
    for (const host of ["https://api.x.com", "https://api.twitter.com"]) {
      const capped = JSON.stringify({ title: "UsageCapExceeded", type: `${host}/2/problems/usage-capped` });
      expect(classifyRefusal(429, {}, capped, NOW)).to.include({ cause: "usage-capped" });
    }
    const elsewhere = JSON.stringify({ type: "https://api.x.com/2/problems/rate-limit-exceeded" });
    expect(classifyRefusal(429, {}, elsewhere, NOW)).to.include({ cause: "rate-limited" });
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

describe("in-stream error objects", () => {
  it("reads X's operational disconnect (the handling-disconnections page's example) as a disconnect of its own", () => {
    const line = JSON.stringify({
      errors: [
        {
          title: "operational-disconnect",
          disconnect_type: "UpstreamOperationalDisconnect",
          detail: "This stream has been disconnected upstream for operational reasons.",
          type: "https://api.x.com/2/problems/operational-disconnect",
        },
      ],
    });
    expect(streamProblem(line)).to.deep.equal({
      cause: "operational-disconnect",
      disconnectType: "UpstreamOperationalDisconnect",
      title: "operational-disconnect",
      detail: "This stream has been disconnected upstream for operational reasons.",
      type: "https://api.x.com/2/problems/operational-disconnect",
    });
  });

  it("reads TooManyConnections and a usage cap inside the stream as their HTTP twins", () => {
    const tmc = {
      title: "ConnectionException",
      connection_issue: "TooManyConnections",
      type: "https://api.twitter.com/2/problems/streaming-connection",
    };
    expect(streamProblem(JSON.stringify({ errors: [tmc] }))).to.include({ cause: "too-many-connections", disconnectType: "TooManyConnections" });
    const capped = { title: "UsageCapExceeded", type: "https://api.x.com/2/problems/usage-capped" };
    expect(streamProblem(JSON.stringify({ errors: [capped] }))).to.include({ cause: "usage-capped", disconnectType: "UsageCapExceeded" });
  });

  it("picks the error that announces a disconnect; an error announcing none has no cause", () => {
    const other = { title: "Something", type: "https://api.x.com/2/problems/resource-not-found" };
    const tmc = { connection_issue: "TooManyConnections" };
    expect(streamProblem(JSON.stringify({ errors: [other, tmc] }))).to.include({ cause: "too-many-connections" });
    const alone = streamProblem(JSON.stringify({ errors: [other] }));
    expect(alone).to.deep.equal({ disconnectType: "Something", title: "Something", type: other.type });
  });

  it("ignores a post whose errors only say that part of its expansions is missing, and anything else", () => {
    const post = { data: { id: "1", text: "t" }, errors: [{ title: "Not Found Error", type: "https://api.x.com/2/problems/resource-not-found" }] };
    expect(streamProblem(JSON.stringify(post))).to.equal(undefined);
    expect(streamProblem('{"errors":"no list"}')).to.equal(undefined);
    expect(streamProblem("not json")).to.equal(undefined);
    expect(streamProblem('{"errors":[]}')).to.equal(undefined);
  });
});
