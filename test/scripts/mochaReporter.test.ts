/**
 * scripts/mocha-reporter.cjs, the reporter `npm test` prints with: its closing line counts the tests a failed hook kept
 * from running as failed, and a test that runs out of time fails with "timed out after N s". Each case runs mocha
 * programmatically, in this process, on a fixture suite (test/scripts/fixtures), and reads what the reporter printed.
 */
import { expect } from "chai";
import Mocha from "mocha";
import { createRequire } from "node:module";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const load = createRequire(__filename);
const Reporter = load(path.join(ROOT, "scripts", "mocha-reporter.cjs")) as typeof Mocha.reporters.Base;
const { scaledTimeout } = load(path.join(ROOT, "scripts", "mocha-timeouts.cjs")) as {
  scaledTimeout: (declaredMs: number, factor: number) => number;
};

/** Runs the fixture under the reporter; returns what it printed and mocha's failure count. */
async function runFixture(name: string): Promise<{ output: string; failures: number }> {
  const mocha = new Mocha({ reporter: Reporter, color: false });
  mocha.addFile(path.join(__dirname, "fixtures", name));
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  try {
    await mocha.loadFilesAsync();
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    return { output: chunks.join(""), failures };
  } finally {
    process.stdout.write = write;
    mocha.dispose();
  }
}

/** The last line that starts with `tests:`. */
function closingLine(output: string): string {
  const lines = output.split("\n").filter((l) => l.startsWith("tests: "));
  expect(lines, output).to.have.length(1);
  return lines[0];
}

describe("the test reporter (scripts/mocha-reporter.cjs)", function () {
  it("GIVEN a before-all hook that fails THEN the tests it kept from running count as failed, once each", async () => {
    const { output } = await runFixture("hiddenByHook.cjs");
    // Passed: "passes", "runs and passes". Failed: "fails", the three hidden tests, the after-all hook (it hid none).
    expect(closingLine(output)).to.equal("tests: 2 passed, 5 failed, 1 skipped");
    expect(output).to.include('3 test(s) did not run, counted as failed: outer with a failing before-all hook "before all" hook');
  });

  it("GIVEN a test that runs out of time THEN it fails saying it timed out after N s, and how its limit was scaled", async () => {
    const { output, failures } = await runFixture("timesOut.cjs");
    expect(failures).to.equal(1);
    expect(closingLine(output)).to.equal("tests: 0 passed, 1 failed, 0 skipped");
    expect(output).to.match(/timed out after [\d.]+ s \(declared 0.02 s for a quiet machine, x[\d.]+ for the load per core/);
  });

  it("scales a declared limit by the load factor and leaves 0 (no limit) alone", () => {
    expect(scaledTimeout(60_000, 1)).to.equal(60_000);
    expect(scaledTimeout(60_000, 12.5)).to.equal(750_000);
    expect(scaledTimeout(0, 12.5)).to.equal(0);
  });
});
