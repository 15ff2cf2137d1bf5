import { expect } from "chai";
import { RunEnd, type EndingHandler } from "../src/ending";
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
