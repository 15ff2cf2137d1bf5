/**
 * `npm run doctor`: tells whether the deployed service really runs. Usage: `pulumi stack output --json | npm run -s
 * doctor`, or flags (`--help`). Exit code 0: healthy; 1: something is wrong; 2: the doctor could not check.
 */
import { runDoctor } from "./run";

// The SDK warns once per process that its 2027 releases need Node 22; this tool's output is for people.
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";

/** All of stdin as text, or undefined when it is a terminal. */
async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

runDoctor({
  argv: process.argv.slice(2),
  readStdin,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`doctor: unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exitCode = 2;
  },
);
