import { expect } from "chai";
import { spawn } from "node:child_process";
import path from "node:path";
import { containsPhrase } from "../dev/generator";

const REPO = path.resolve(__dirname, "../..");

/** Runs `service/scripts/local.ts` with `args`; resolves with its exit code and stdout. */
function runLocal(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--no-warnings", "--import", "tsx", "service/scripts/local.ts", ...args], {
      cwd: REPO,
      env: { PATH: process.env["PATH"] ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The text column of the printed table's rows. */
function printedTexts(stdout: string): { declared: number; texts: string[] } {
  const lines = stdout.split("\n");
  const header = lines.findIndex((line) => /^stored items \(\d+\), oldest first:$/u.test(line));
  expect(header, "the table heading").to.be.greaterThan(-1);
  const declared = Number(/\((\d+)\)/u.exec(lines[header])?.[1]);
  const rows = lines.slice(header + 2, lines.indexOf("", header));
  return { declared, texts: rows.map((row) => row.split(" │ ").slice(2).join(" │ ")) };
}

describe("npm run local (short run)", function () {
  this.timeout(90_000);

  it("stores exactly the matching posts the fake X server sent, Unicode intact, and prints them", async () => {
    const { code, stdout, stderr } = await runLocal(["--seconds", "4", "--rate", "40", "--rows", "100000", "--fake"]);
    expect(code, `exit code; stderr: ${stderr}`).to.equal(0);
    const { declared, texts } = printedTexts(stdout);
    expect(declared).to.be.greaterThan(0);
    expect(texts).to.have.length(declared);
    expect(texts.filter((text) => !containsPhrase(text, "climate change"))).to.deep.equal([]);
    // eslint-disable-next-line no-control-regex -- \u0000-\u007f is ASCII: the test asks for at least one non-ASCII text
    expect(texts.some((text) => /[^\u0000-\u007f]/u.test(text))).to.equal(true);
    const summary = /^sent (\d+) · matching (\d+) · stored (\d+) · missing 0 · not matching 0$/mu.exec(stdout);
    expect(summary, "the summary line").to.not.equal(null);
    expect(Number(summary?.[2])).to.equal(declared);
    expect(Number(summary?.[3])).to.equal(declared);
  });

  it("refuses an unknown flag with usage and exit code 2", async () => {
    const { code, stderr } = await runLocal(["--secs", "4"]);
    expect(code).to.equal(2);
    expect(stderr).to.include("Unknown option '--secs'");
    expect(stderr).to.include("Usage: npm run local");
  });
});
