/** Runs the init program for real, as ECS would: a child process configured only through its environment. */
import { spawn } from "node:child_process";
import { join } from "node:path";

const REPO_ROOT = join(__dirname, "../../../..");
const MAIN = join(REPO_ROOT, "packages/secure-fargate-task/init/src/main.ts");

/** What one run produced. */
export interface InitRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed, one JSON object per line. */
  readonly lines: Array<Record<string, unknown>>;
}

/** Runs `node --import tsx main.ts` with exactly `env` (plus PATH) and waits for it to exit. */
export function runInit(env: Record<string, string>): Promise<InitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const lines = stdout
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ exitCode, stdout, stderr, lines });
    });
  });
}
