import { expect } from "chai";
import { RunEnd, untilEnded, type EndingHandler } from "../src/ending";
import { Logger } from "../src/ops/log";
import { Redactor } from "../src/ops/redact";
import { StoppedError } from "../src/x/recovery";
import { RuleConflictError } from "../src/x/rules";

/** A handler that writes down what it hears. */
function recorder(heard: string[]): EndingHandler {
  return {
    stop: (reason) => heard.push(`stop: ${reason}`),
    fatal: (stage, error) => heard.push(`fatal ${stage}: ${(error as Error).message}`),
    conflict: (error) => heard.push(`conflict: ${error.message}`),
  };
}

describe("run end", () => {
  it("hands the endings reported before the handler to it, in order, then each as it comes", () => {
    const end = new RunEnd();
    const heard: string[] = [];
    end.stop("SIGTERM");
    end.fatal("write", new Error("no table"));
    expect(heard).to.deep.equal([]);
    end.handle(recorder(heard));
    expect(heard).to.deep.equal(["stop: SIGTERM", "fatal write: no table"]);
    end.fatal("stream", new Error("403"));
    expect(heard).to.deep.equal(["stop: SIGTERM", "fatal write: no table", "fatal stream: 403"]);
  });

  it("counts the first stop only, and settles `stopped` with its reason", async () => {
    const end = new RunEnd();
    const heard: string[] = [];
    end.handle(recorder(heard));
    expect(end.isStopped).to.equal(false);
    end.stop("SIGINT");
    end.stop("SIGTERM");
    expect(end.isStopped).to.equal(true);
    expect(await end.stopped).to.equal("SIGINT");
    expect(heard).to.deep.equal(["stop: SIGINT"]);
  });

  it("makes a rule conflict a conflict, whichever stage met it", () => {
    const end = new RunEnd();
    const heard: string[] = [];
    end.handle(recorder(heard));
    end.fatal("rules", new RuleConflictError("taken by another tag"));
    end.fatal("stream", new RuleConflictError("taken again"));
    end.fatal("rules", new Error("refused"));
    expect(heard).to.deep.equal(["conflict: taken by another tag", "conflict: taken again", "fatal rules: refused"]);
  });
});

/** A stream whose run ends when it is stopped, or rejects with `failure` when given one. */
function fakeStream(failure?: Error) {
  let stopped: () => void = () => undefined;
  const stream = {
    stops: 0,
    run: (): Promise<void> => (failure === undefined ? new Promise<void>((resolve) => (stopped = resolve)) : Promise.reject(failure)),
    stop: (): void => {
      stream.stops += 1;
      stopped();
    },
  };
  return stream;
}

/** The pieces `untilEnded` acts on: `idle` settles when `drained` is called; two items wait in the queue. */
function pipeline(failure?: Error) {
  let drained: () => void = () => undefined;
  const idle = new Promise<void>((resolve) => (drained = resolve));
  const queue = { items: { length: 2 }, fields: () => ({ queueInMemory: 2 }) };
  const writer = { idle: () => idle, batchesInFlight: 1, unwrittenInFlight: 3 };
  const lines: Array<Record<string, unknown>> = [];
  const log = new Logger(new Redactor([]), (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { stream: fakeStream(failure), writer, queue, log, lines, drain: () => drained() };
}

describe("run end: until ended", () => {
  it("on a stop, closes the stream and exits 0 once the writers are idle, with a stopping line", async () => {
    const end = new RunEnd();
    const p = pipeline();
    const code = untilEnded(end, p, 60_000, p.log);
    end.stop("SIGTERM");
    expect(p.stream.stops).to.equal(1);
    p.drain();
    expect(await code).to.equal(0);
    expect(p.lines.map((l) => l["event"])).to.deep.equal(["stopping"]);
    expect(p.lines[0]).to.include({ reason: "SIGTERM", queueDepth: 2, queueInMemory: 2, batchesInFlight: 1, itemsInFlight: 3 });
  });

  it("on a stop the writers do not finish within the time allowed, exits 1 with a stop_timeout line", async () => {
    const end = new RunEnd();
    const p = pipeline();
    end.stop("SIGTERM");
    expect(await untilEnded(end, p, 5, p.log)).to.equal(1);
    expect(p.lines.map((l) => l["event"])).to.deep.equal(["stopping", "stop_timeout"]);
    expect(p.lines[1]).to.include({ timeoutMs: 5, unwritten: 5 });
  });

  it("on a fatal error, closes the stream and exits 1 at once; a rule conflict exits 2", async () => {
    const fatal = new RunEnd();
    const p = pipeline();
    const code = untilEnded(fatal, p, 60_000, p.log);
    fatal.fatal("write", new Error("Requested resource not found"));
    expect(await code).to.equal(1);
    expect(p.stream.stops).to.equal(1);
    expect(p.lines[0]).to.include({ event: "fatal", stage: "write", unwritten: 5, error: "Requested resource not found" });

    const conflict = new RunEnd();
    const q = pipeline();
    const conflictCode = untilEnded(conflict, q, 60_000, q.log);
    conflict.fatal("rules", new RuleConflictError("X already has the rule"));
    expect(await conflictCode).to.equal(2);
    expect(q.lines[0]).to.include({ event: "config_error", variable: "RULE_TAG", error: "X already has the rule", unwritten: 5 });
  });

  it("makes the stream's own failure a fatal error of stage stream, and its StoppedError nothing", async () => {
    const failed = pipeline(new Error("X refused the stream (HTTP 403)"));
    const end = new RunEnd();
    expect(await untilEnded(end, failed, 60_000, failed.log)).to.equal(1);
    expect(failed.lines[0]).to.include({ event: "fatal", stage: "stream" });

    const stopped = pipeline(new StoppedError("stopped"));
    const quiet = new RunEnd();
    const code = untilEnded(quiet, stopped, 60_000, stopped.log);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped.lines).to.deep.equal([]);
    quiet.stop("SIGINT");
    stopped.drain();
    expect(await code).to.equal(0);
  });
});
