/**
 * The command line of the repository's report and benchmark scripts: `--help` (or `-h`) prints the usage on stdout
 * and exits 0 before anything slow is loaded; an argument the script does not take prints the usage on stderr and
 * exits 2. Parsed with `node:util`'s parseArgs (strict). Progress goes to stderr, so that stdout stays the report.
 */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";

/** What a script does with its arguments: run, print its usage (`--help`), or refuse them (`text` says why). */
export type Decision = { action: "run" } | { action: "help"; text: string } | { action: "refuse"; text: string };

/** Reads `argv` against a script that takes `--help` only. Pure. */
export function decide(usage: string, argv: readonly string[]): Decision {
  try {
    const { values } = parseArgs({ args: [...argv], options: { help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
    return values.help === true ? { action: "help", text: `${usage}\n` } : { action: "run" };
  } catch (error) {
    return { action: "refuse", text: `${(error as Error).message}\n\n${usage}\n` };
  }
}

/** Handles `--help` and refuses any other argument; returns only when the script should run. */
export function commandLine(usage: string, argv: readonly string[] = process.argv.slice(2)): void {
  const decision = decide(usage, argv);
  if (decision.action === "help") {
    process.stdout.write(decision.text);
    process.exit(0);
  }
  if (decision.action === "refuse") {
    process.stderr.write(decision.text);
    process.exit(2);
  }
}

/** Where progress goes and how often; the scripts take the defaults, tests a file of their own. */
export interface ProgressOptions {
  /** The file descriptor progress lines are written to. Default: 2 (stderr). */
  fd?: number;
  /** Milliseconds between two "still working" lines. Default: 5000. */
  everyMs?: number;
}

/**
 * The "still working" lines, from a thread of their own: loading the component or running Pulumi's analyzer holds
 * the main thread's event loop for tens of seconds, during which a timer there would never fire. Plain JavaScript,
 * written with `fs.writeSync`, which does not go through the main thread as a worker's `process.stderr` does.
 */
const TICKER = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { fd, what, started, everyMs } = workerData;
setInterval(() => {
  try {
    fs.writeSync(fd, what + ": " + Math.round((Date.now() - started) / 1000) + " s\\n");
  } catch {
    // A full pipe (EAGAIN) loses one progress line, nothing else.
  }
}, everyMs);
`;

/**
 * Runs `work`, saying what it does when it starts, how long it has taken every `everyMs` (5 s) even while `work`
 * holds the event loop, and when it is done: the report scripts run the program under mocks for tens of seconds. A
 * failure is passed on, with no "done" line. Nothing is written once the returned promise settles.
 */
export async function withProgress<T>(what: string, work: () => Promise<T>, options: ProgressOptions = {}): Promise<T> {
  const fd = options.fd ?? 2;
  const started = Date.now();
  fs.writeSync(fd, `${what}...\n`);
  const ticker = new Worker(TICKER, { eval: true, workerData: { fd, what, started, everyMs: options.everyMs ?? 5000 } });
  ticker.unref();
  const result = await work().finally(() => ticker.terminate());
  fs.writeSync(fd, `${what}: done in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return result;
}
