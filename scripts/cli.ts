/**
 * The command line of the repository's report and benchmark scripts: `--help` (or `-h`) prints the usage on stdout
 * and exits 0 before anything slow is loaded; an argument the script does not take prints the usage on stderr and
 * exits 2. Parsed with `node:util`'s parseArgs (strict). Progress goes to stderr, so that stdout stays the report.
 */
import { parseArgs } from "node:util";

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

/** Where progress goes and how often; the scripts take the defaults, tests a writer of their own. */
export interface ProgressOptions {
  /** Receives each progress line. Default: stderr. */
  write?: (line: string) => void;
  /** Milliseconds between two "still working" lines. Default: 5000. */
  everyMs?: number;
}

/**
 * Runs `work`, saying what it does when it starts, how long it has taken every `everyMs` (5 s), and when it is done: the
 * report scripts run the program under mocks for tens of seconds. A failure is passed on, with no "done" line.
 */
export async function withProgress<T>(what: string, work: () => Promise<T>, options: ProgressOptions = {}): Promise<T> {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const started = Date.now();
  const seconds = (): number => Math.round((Date.now() - started) / 1000);
  write(`${what}...\n`);
  const timer = setInterval(() => write(`${what}: ${seconds()} s\n`), options.everyMs ?? 5000);
  timer.unref();
  try {
    const result = await work();
    write(`${what}: done in ${seconds()} s\n`);
    return result;
  } finally {
    clearInterval(timer);
  }
}
