/**
 * scripts/test-phases.cjs, the runner of `npm test`'s phases: a step's phases overlap, every phase of a step runs to
 * its end even when another fails (one run reports every problem), a failed step stops the ones after it, a silent
 * phase's output is printed whole after its end line, and the exit code is the first failure's. The phases here are
 * small `node -e` programs; the real suite's steps are checked for what `npm test` must run.
 */
import { expect } from "chai";
import { createRequire } from "node:module";
import * as path from "node:path";
import type { Phase } from "../../scripts/test-phases.cjs";

const load = createRequire(__filename);
const { COMMANDS, runSteps } = load(
  path.join(__dirname, "..", "..", "scripts", "test-phases.cjs"),
) as typeof import("../../scripts/test-phases.cjs");

/** A phase running `node -e script`. */
const node = (name: string, script: string, silent = true): Phase => ({ name, command: [process.execPath, ["-e", script]], silent });
/** A script that writes `text` to stdout after `ms`, then exits with `code`. */
const after = (ms: number, text: string, code = 0): string =>
  `setTimeout(() => { process.stdout.write(${JSON.stringify(text)}); process.exit(${code}); }, ${ms});`;

/** Runs the steps with stdout captured; resolves with the exit code and the printed text. */
async function capture(steps: Phase[][]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array): boolean => {
    chunks.push(chunk.toString());
    return true;
  };
  try {
    const code = await runSteps(steps, "t");
    return { code, out: chunks.join("") };
  } finally {
    process.stdout.write = write;
  }
}

describe("test-phases: npm test's phase runner", function () {
  this.timeout(30_000);

  it("runs a step's phases side by side: the second ends before the first, which started first", async () => {
    const { code, out } = await capture([[node("slow", after(1500, "slow out\n")), node("fast", after(10, "fast out\n"))]]);
    expect(code).to.equal(0);
    const lines = out.split("\n");
    const at = (prefix: string): number => lines.findIndex((l) => l.startsWith(prefix));
    expect(at("t: slow started")).to.be.lessThan(at("t: fast started"));
    expect(at("t: fast started")).to.be.lessThan(at("t: slow passed"));
    expect(at("t: fast passed")).to.be.lessThan(at("t: slow passed"));
    // A silent phase's output comes right after its own end line, whole.
    expect(lines[at("t: fast passed") + 1]).to.equal("fast out");
    expect(lines[at("t: slow passed") + 1]).to.equal("slow out");
  });

  it("lets every phase of a failed step finish, skips the later steps, and exits with the first failure's code", async () => {
    const { code, out } = await capture([
      [node("bad", after(10, "error here\n", 3)), node("good", after(300, "ok\n"))],
      [node("later", after(10, "never\n"))],
    ]);
    expect(code).to.equal(3);
    expect(out).to.contain("t: bad failed (exit 3)");
    expect(out).to.contain("error here");
    expect(out).to.contain("t: good passed");
    expect(out).not.to.contain("later started");
    expect(out).not.to.contain("never");
    expect(out).to.match(/t: phases: bad \d+ s, good \d+ s; in all \d+ s\n/);
    expect(out).to.contain("t: failed: bad\n");
  });

  it("counts a phase that cannot start as failed", async () => {
    const { code, out } = await capture([[{ name: "missing", command: ["/nonexistent/command", []], silent: true }]]);
    expect(code).to.equal(1);
    expect(out).to.contain("t: missing could not start");
    expect(out).to.contain("t: missing failed");
  });

  it("npm test builds the component first, then type-checks, lints and runs mocha side by side", () => {
    const [first, second] = COMMANDS.test;
    expect(first.map((p) => p.name)).to.deep.equal(["build"]);
    expect(first[0].command[1]).to.include.members(["build", "secure-fargate-task"]);
    expect(second.map((p) => p.name)).to.deep.equal(["type-check", "lint", "mocha"]);
    expect(second[0].command[1].join(" ")).to.contain("tsc -p tsconfig.json");
    expect(COMMANDS.integration.flat().map((p) => p.command[1].join(" "))).to.deep.equal(["--no-install mocha --config .mocharc.integration.cjs"]);
  });
});
