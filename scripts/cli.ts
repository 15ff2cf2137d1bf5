/**
 * The command line of the repository's report and benchmark scripts: `--help` (or `-h`) prints the usage on stdout
 * and exits 0 before anything slow is loaded; an argument the script does not take prints the usage on stderr and
 * exits 2. Parsed with `node:util`'s parseArgs (strict). Progress goes to stderr, so that stdout stays the report.
 */
import { parseArgs } from "node:util";

/** Handles `--help` and refuses any other argument; returns only when the script should run. */
export function commandLine(usage: string, argv: readonly string[] = process.argv.slice(2)): void {
  let help: boolean;
  try {
    help =
      parseArgs({ args: [...argv], options: { help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false }).values.help ===
      true;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
  if (help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
}

/**
 * Runs `work`, saying on stderr what it does when it starts, how long it has taken every 5 seconds, and when it is
 * done: the report scripts run the program under mocks for tens of seconds.
 */
export async function withProgress<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const seconds = (): number => Math.round((Date.now() - started) / 1000);
  process.stderr.write(`${what}...\n`);
  const timer = setInterval(() => process.stderr.write(`${what}: ${seconds()} s\n`), 5000);
  timer.unref();
  try {
    const result = await work();
    process.stderr.write(`${what}: done in ${seconds()} s\n`);
    return result;
  } finally {
    clearInterval(timer);
  }
}
