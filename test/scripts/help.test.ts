/**
 * Every script of the root package.json that a user runs by hand, and every workspace script a user runs by hand that
 * no root script runs, answers `--help` with its usage and exit 0, before doing any of its work; the report scripts
 * refuse an argument they do not take with exit 2.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
/** The root scripts that are tools, as opposed to the build, test and lint scripts. */
const TOOLS = [
  "access-report",
  "bench",
  "cost-report",
  "deployer-report",
  "doctor",
  "local",
  "reference",
  "schema",
  "security-report",
  "suite-bench",
];
/** The workspace scripts that are tools and have no root script, as `workspace:script`. */
const WORKSPACE_TOOLS = ["service:queue-budget"];
/** Workspace scripts that are not tools: the build, npm's lifecycle hooks, and the image's own start command. */
const NOT_TOOLS = ["build", "prepare", "prepack", "start"];

function scriptsOf(folder: string): Record<string, string> {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, folder, "package.json"), "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
}

/** `npm run`'s arguments for a tool: `script`, or `workspace:script` with `-w workspace`. */
function runArgs(tool: string): string[] {
  const colon = tool.indexOf(":");
  return colon < 0 ? [tool] : [tool.slice(colon + 1), "-w", tool.slice(0, colon)];
}

function npmRun(tool: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("npm", ["run", "-s", ...runArgs(tool), "--", ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the repository's tools on the command line", function () {
  this.timeout(180_000);

  it("are every root script but build, test and test:*, lint and format", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const others = ["build", "test", "lint", "format"];
    expect(
      Object.keys(pkg.scripts)
        .filter((s) => !others.includes(s) && !s.startsWith("test:"))
        .sort(),
    ).to.deep.equal(TOOLS);
  });

  it("and every workspace script but the build, npm's hooks and start, less those a root script runs", () => {
    const root = Object.values(scriptsOf(""));
    const workspaces = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { workspaces: string[] }).workspaces;
    const tools = workspaces.flatMap((w) =>
      Object.keys(scriptsOf(w))
        .filter((s) => !NOT_TOOLS.includes(s) && !root.some((command) => command.includes(`npm run ${s} -w ${w}`)))
        .map((s) => `${w}:${s}`),
    );
    expect(tools.sort()).to.deep.equal(WORKSPACE_TOOLS);
  });

  for (const tool of [...TOOLS, ...WORKSPACE_TOOLS]) {
    it(`npm run ${runArgs(tool).join(" ")} -- --help prints its usage and exits 0`, () => {
      const { status, stdout, stderr } = npmRun(tool, "--help");
      expect(stdout, stderr).to.match(/^Usage: /m);
      expect(status, stderr).to.equal(0);
    });
  }

  it("a report script refuses an argument it does not take: usage on stderr, exit 2, nothing on stdout", () => {
    const { status, stdout, stderr } = npmRun("cost-report", "--no-such-flag");
    expect(stdout).to.equal("");
    expect(stderr)
      .to.match(/--no-such-flag/)
      .and.match(/Usage: npm run -s cost-report/);
    expect(status).to.equal(2);
  });
});
