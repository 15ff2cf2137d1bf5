/**
 * The stream's reconnect loop against a bare HTTP server, on a virtual clock (the waits pass at once): what X writes
 * inside the stream, and X's 50 connects per 15 minutes (https://docs.x.com/x-api/fundamentals/rate-limits).
 */
import { expect } from "chai";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { FilteredStream, type Outcome, type StreamClock } from "../src/stream/stream";
import { X_SCHEDULE } from "./xSchedule";

const MINUTE = 60_000;
const X_CONNECTS = 50;
const X_WINDOW_MS = 15 * MINUTE;

/** Time that passes only when the stream waits. */
class VirtualClock implements StreamClock {
  ms = 0;
  now(): number {
    return this.ms;
  }
  sleep(ms: number): Promise<void> {
    this.ms += ms;
    return new Promise((resolve) => setImmediate(resolve));
  }
}

type Answer = (res: http.ServerResponse) => void;

interface Run {
  /** The virtual time of each connect the server received. */
  connects: number[];
  disconnects: Array<{ outcome: Outcome; delayMs: number }>;
  problems: string[];
}

/** Runs a stream against a server that answers every connect with `answer`, until `until` says stop. */
async function runAgainst(answer: Answer, until: (run: Run, clock: VirtualClock) => boolean): Promise<Run> {
  const clock = new VirtualClock();
  const run: Run = { connects: [], disconnects: [], problems: [] };
  const server = http.createServer((_req, res) => {
    run.connects.push(clock.now());
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const agent = new http.Agent({ keepAlive: false });
  const stream: FilteredStream = new FilteredStream(
    {
      url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/2/tweets/search/stream`),
      bearerToken: "token",
      agent,
      policy: X_SCHEDULE,
      stallTimeoutMs: 60_000,
      maxLineBytes: 65_536,
      clock,
    },
    {
      line: () => undefined,
      heartbeat: () => undefined,
      oversized: () => undefined,
      connected: () => undefined,
      disconnected(outcome, delayMs) {
        run.disconnects.push({ outcome, delayMs });
        if (until(run, clock)) stream.stop();
      },
      reauthenticate: () => Promise.resolve(undefined),
      resyncRules: () => Promise.resolve(),
      streamError: (problem) => void run.problems.push(problem.disconnectType),
    },
  );
  try {
    await stream.run();
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    agent.destroy();
  }
  return run;
}

function streamLine(res: http.ServerResponse, line: string, end: boolean): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.write(`${line}\r\n`);
  if (end) res.end();
}

/** The wait after the first disconnect of a run against `answer`. */
async function firstDisconnect(answer: Answer): Promise<{ outcome: Outcome; delayMs: number }> {
  const run = await runAgainst(answer, () => true);
  return run.disconnects[0];
}

const TOO_MANY = {
  title: "ConnectionException",
  detail: "This stream is currently at the maximum allowed connection limit.",
  connection_issue: "TooManyConnections",
  type: "https://api.x.com/2/problems/streaming-connection",
};
const OPERATIONAL = {
  title: "operational-disconnect",
  disconnect_type: "UpstreamOperationalDisconnect",
  detail: "This stream has been disconnected upstream for operational reasons.",
  type: "https://api.x.com/2/problems/operational-disconnect",
};

describe("stream reconnects", function () {
  this.timeout(60_000);

  it("never makes more than X's 50 connects in any 15 minutes against a server that accepts and closes", async () => {
    const run = await runAgainst(
      (res) => streamLine(res, "", true),
      (_run, clock) => clock.now() >= 3 * X_WINDOW_MS,
    );
    const busiest = Math.max(...run.connects.map((at) => run.connects.filter((t) => t >= at && t < at + X_WINDOW_MS).length));
    expect(busiest).to.be.at.most(X_CONNECTS);
    // Not stuck either: the window is used, and the waits that keep it say so.
    expect(busiest).to.be.at.least(X_CONNECTS - 10);
    expect(run.disconnects.some((d) => Number(d.outcome.connectLimitWaitMs) > 0)).to.equal(true);
  });

  it("ends the connection on an in-stream TooManyConnections and waits as after the HTTP 429", async () => {
    const inStream = await firstDisconnect((res) => streamLine(res, JSON.stringify({ errors: [TOO_MANY] }), false));
    const http429 = await firstDisconnect((res) => {
      res.writeHead(429, { "content-type": "application/problem+json" });
      res.end(JSON.stringify(TOO_MANY));
    });
    expect(inStream.outcome).to.include({ cause: "too-many-connections", disconnectType: "TooManyConnections" });
    expect(http429.outcome).to.include({ cause: "too-many-connections", disconnectType: "TooManyConnections" });
    expect(inStream.delayMs).to.equal(http429.delayMs).and.equal(X_SCHEDULE.rateLimitInitialMs);
  });

  it("waits after an in-stream operational disconnect as after an HTTP error, and names its type", async () => {
    const run = await runAgainst(
      (res) => streamLine(res, JSON.stringify({ errors: [OPERATIONAL] }), true),
      (r) => r.disconnects.length === 3,
    );
    expect(run.problems[0]).to.equal("UpstreamOperationalDisconnect");
    expect(run.disconnects.map((d) => [d.outcome.cause, d.outcome.disconnectType, d.delayMs])).to.deep.equal([
      ["operational-disconnect", "UpstreamOperationalDisconnect", 5_000],
      ["operational-disconnect", "UpstreamOperationalDisconnect", 10_000],
      ["operational-disconnect", "UpstreamOperationalDisconnect", 20_000],
    ]);
    const http503 = await firstDisconnect((res) => {
      res.writeHead(503);
      res.end();
    });
    expect(http503.delayMs).to.equal(run.disconnects[0].delayMs);
  });
});
