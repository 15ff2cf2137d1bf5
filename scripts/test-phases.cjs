// `npm test`: build, lint, then mocha (.mocharc.cjs: every test file but the integration suite's), stopping at the
// first that fails (as `&&` would), with a line when each phase starts and ends (its time), and, in the build and lint
// phases, which print nothing until they end (ESLint's type-aware pass takes minutes on a busy machine), a line every
// 30 s saying the phase is still running. `npm run test:integration` (argument `integration`): one phase, mocha with
// .mocharc.integration.cjs (the test files that need child processes, packing or real sockets).
"use strict";
const { spawn } = require("node:child_process");
const { setInterval, clearInterval } = require("node:timers");

const HEARTBEAT_MS = 30_000;
const npm = (...args) => ["npm", ["run", "-s", ...args]];
const mocha = (...args) => ["npx", ["--no-install", "mocha", ...args]];
/** Each command's phases in order: name, command, and whether it is silent while it runs (so a heartbeat is printed). */
const COMMANDS = {
  test: [
    { name: "build", command: npm("build"), silent: true },
    { name: "lint", command: npm("lint"), silent: true },
    { name: "mocha", command: mocha(), silent: false },
  ],
  integration: [{ name: "mocha", command: mocha("--config", ".mocharc.integration.cjs"), silent: false }],
};
const SUITE = process.argv[2] ?? "test";
const PHASES = COMMANDS[SUITE];
const LABEL = SUITE === "test" ? "npm test" : `test:${SUITE}`;

const seconds = (ms) => `${Math.round(ms / 1000)} s`;
const say = (line) => process.stdout.write(`${LABEL}: ${line}\n`);

/** Runs one phase with the terminal handed over; resolves with its exit code. */
function run(phase) {
  const start = Date.now();
  say(`${phase.name} started${phase.silent ? " (it prints nothing until it ends)" : ""}`);
  const timer = phase.silent ? setInterval(() => say(`${phase.name} still running, ${seconds(Date.now() - start)}`), HEARTBEAT_MS) : undefined;
  return new Promise((resolve) => {
    const [file, args] = phase.command;
    const child = spawn(file, args, { stdio: "inherit" });
    let finished = false;
    const finish = (code) => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      say(`${phase.name} ${code === 0 ? "passed" : `failed (exit ${code})`} in ${seconds(Date.now() - start)}`);
      resolve({ name: phase.name, code, ms: Date.now() - start });
    };
    child.on("error", (err) => {
      process.stderr.write(`${LABEL}: ${phase.name} could not start: ${err.message}\n`);
      finish(1);
    });
    child.on("exit", (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  if (PHASES === undefined) {
    process.stderr.write(`test-phases: unknown suite ${SUITE}; one of: ${Object.keys(COMMANDS).join(", ")}\n`);
    process.exitCode = 2;
    return;
  }
  const done = [];
  for (const phase of PHASES) {
    const result = await run(phase);
    done.push(result);
    if (result.code !== 0) break;
  }
  say(`phases: ${done.map((r) => `${r.name} ${seconds(r.ms)}`).join(", ")}`);
  process.exitCode = done.at(-1).code;
}

void main();
