/**
 * `npm run suite-bench`: how long `npm test` takes on this machine as it is, then with both cores busy (two busy loops
 * beside it, as issue #22 measures), and the ratio of the two. It prints each run's phase line and closing test line
 * as `npm test` printed them, and the 1-minute load average when each run started, so a reader can tell a quiet run
 * from a shared one. Run it on a quiet machine after `npm ci`; it takes two `npm test` runs (several minutes).
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { commandLine, withProgress } from "./cli";

const USAGE = `Usage: npm run suite-bench

Runs npm test twice: as the machine is, then beside two busy loops (both cores of a 2-core machine busy); prints each
run's wall time, phase line and test line, the load average as each started, and the ratio busy / quiet.
Exit code: 0 when both runs passed, 1 otherwise.`;

const ROOT = path.join(__dirname, "..");
const BUSY_LOOPS = 2;

/** What one `npm test` run printed that the report keeps, and how long it took. */
interface Run {
  seconds: number;
  code: number;
  load: number;
  phases: string;
  tests: string;
}

/** Runs `npm test` with its output held; keeps its phase line and closing test line. */
function npmTest(): Promise<Run> {
  const load = os.loadavg()[0];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["test"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const out: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => out.push(chunk.toString()));
    child.on("close", (code) => {
      const lines = out.join("").split("\n");
      const last = (prefix: string): string => lines.filter((l) => l.startsWith(prefix)).at(-1) ?? "(none)";
      resolve({
        seconds: Math.round((Date.now() - started) / 1000),
        code: code ?? 1,
        load,
        phases: last("npm test: phases:"),
        tests: last("tests:"),
      });
    });
  });
}

/** Starts `count` processes that spin until killed. */
function busyLoops(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
}

function describe(label: string, run: Run): string {
  return [`${label}: ${run.seconds} s, exit ${run.code}, 1-minute load ${run.load.toFixed(1)} at start`, `  ${run.phases}`, `  ${run.tests}`].join(
    "\n",
  );
}

async function main(): Promise<void> {
  commandLine(USAGE);
  const quiet = await withProgress("npm test, as the machine is", npmTest);
  const loops = busyLoops(BUSY_LOOPS);
  let busy: Run;
  try {
    busy = await withProgress(`npm test beside ${BUSY_LOOPS} busy loops`, npmTest);
  } finally {
    loops.forEach((loop) => loop.kill());
  }
  process.stdout.write(
    [
      `${os.cpus().length} cores`,
      describe("quiet", quiet),
      describe(`busy (${BUSY_LOOPS} busy loops)`, busy),
      `busy / quiet: ${(busy.seconds / quiet.seconds).toFixed(2)}`,
      "",
    ].join("\n"),
  );
  process.exitCode = quiet.code === 0 && busy.code === 0 ? 0 : 1;
}

void main();
