/**
 * scripts/cli.ts, the command line every report and benchmark script shares: `--help` and `-h` print the usage,
 * anything else is refused with parseArgs' message and the usage, no argument runs; and progress says what runs, keeps
 * saying so while it runs, even while the work holds the event loop, says when it is done, and stops when the work
 * ends or fails.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
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
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "progress-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** A file to write progress to, and what it holds so far, line by line. */
    function progressFile(name: string): { fd: number; lines: () => string[] } {
      const file = path.join(dir, name);
      const fd = fs.openSync(file, "w");
      return {
        fd,
        lines: () =>
          fs
            .readFileSync(file, "utf8")
            .split(/(?<=\n)/)
            .filter((l) => l !== ""),
      };
    }

    /** Resolves once `lines` holds a line matching `pattern`, however long that takes (mocha's limit aside). */
    async function until(lines: () => string[], pattern: RegExp): Promise<void> {
      while (!lines().some((l) => pattern.test(l))) await new Promise((resolve) => setTimeout(resolve, 5));
    }

    it("says what it does, keeps saying it while the work holds the event loop, says it is done, returns the result", async () => {
      const { fd, lines } = progressFile("ok");
      const tick = /^rendering: \d+ s\n$/;
      const result = await withProgress(
        "rendering",
        async () => {
          // Blocks this thread until a "still working" line has come: only a ticker off the main thread can write it.
          // A ticker that never writes ends the wait after 50 s (blocked, mocha's own limit cannot fire), and fails below.
          const giveUp = Date.now() + 50_000;
          while (!lines().some((l) => tick.test(l)) && Date.now() < giveUp) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          return 42;
        },
        { fd, everyMs: 1 },
      );
      const written = lines();
      expect(result).to.equal(42);
      expect(written[0]).to.equal("rendering...\n");
      expect(written.slice(1, -1)).to.not.be.empty;
      expect(written.slice(1, -1).filter((l) => !tick.test(l))).to.deep.equal([]);
      expect(written[written.length - 1]).to.match(/^rendering: done in \d+ s\n$/);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines(), "a line after the promise settled").to.deep.equal(written);
      fs.closeSync(fd);
    });

    it("passes a failure on, with no done line, and writes nothing once it has settled", async () => {
      const { fd, lines } = progressFile("failing");
      const failure = new Error("no row for aws:x/y:Z");
      const caught = await withProgress(
        "deriving",
        async () => {
          await until(lines, /^deriving: \d+ s\n$/);
          throw failure;
        },
        { fd, everyMs: 1 },
      ).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(caught).to.equal(failure);
      const written = lines();
      expect(written.join("")).to.not.include("done");
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines(), "a line after the promise settled").to.deep.equal(written);
      fs.closeSync(fd);
    });
  });
});
