/**
 * scripts/cli.ts, the command line every report and benchmark script shares: `--help` and `-h` print the usage,
 * anything else is refused with parseArgs' message and the usage, no argument runs; and progress says what runs, keeps
 * saying so while it runs, says when it is done, and stops when the work ends or fails.
 */
import { expect } from "chai";
import { decide, withProgress } from "../../scripts/cli";

const USAGE = "Usage: npm run -s some-report > docs/SOME.md";

describe("the scripts' command line (scripts/cli.ts)", () => {
  describe("decide", () => {
    it("runs with no argument", () => {
      expect(decide(USAGE, [])).to.deep.equal({ action: "run" });
    });

    for (const flag of ["--help", "-h"]) {
      it(`prints the usage for ${flag}`, () => {
        expect(decide(USAGE, [flag])).to.deep.equal({ action: "help", text: `${USAGE}\n` });
      });
    }

    it("refuses an option it does not take, naming it, with the usage", () => {
      const decision = decide(USAGE, ["--no-such-flag"]);
      expect(decision.action).to.equal("refuse");
      expect(decision).to.have.property("text").that.includes("'--no-such-flag'").and.includes(USAGE);
    });

    it("refuses a positional argument, naming it, with the usage", () => {
      const decision = decide(USAGE, ["docs/SOME.md"]);
      expect(decision.action).to.equal("refuse");
      expect(decision).to.have.property("text").that.includes("'docs/SOME.md'").and.includes(USAGE);
    });

    it("refuses --help given a value", () => {
      expect(decide(USAGE, ["--help=yes"]).action).to.equal("refuse");
    });
  });

  describe("withProgress", () => {
    it("says what it does, keeps saying it while the work runs, then says it is done and returns the work's result", async () => {
      const lines: string[] = [];
      let ticked: () => void = () => undefined;
      const firstTick = new Promise<void>((resolve) => (ticked = resolve));
      const write = (line: string): void => {
        lines.push(line);
        if (/^rendering: \d+ s\n$/.test(line)) ticked();
      };
      // The work ends only once a "still working" line has come: the test waits for it however busy the machine is.
      const result = await withProgress("rendering", () => firstTick.then(() => 42), { write, everyMs: 1 });
      expect(result).to.equal(42);
      expect(lines[0]).to.equal("rendering...\n");
      const ticks = lines.slice(1, -1);
      expect(ticks).to.not.be.empty;
      expect(ticks.filter((l) => !/^rendering: \d+ s\n$/.test(l))).to.deep.equal([]);
      expect(lines[lines.length - 1]).to.match(/^rendering: done in \d+ s\n$/);
    });

    it("passes a failure on, with no done line, and stops saying anything", async () => {
      const lines: string[] = [];
      const failure = new Error("no row for aws:x/y:Z");
      const run = withProgress("deriving", () => Promise.reject(failure), { write: (line) => lines.push(line), everyMs: 1 });
      const caught = await run.then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(caught).to.equal(failure);
      const after = lines.length;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines.length, lines.join("")).to.equal(after);
      expect(lines.join("")).to.not.include("done");
    });
  });
});
