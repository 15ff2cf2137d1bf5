// `npm test`: the component's build, then three checks side by side: the strict type-check of every workspace, lint,
// and mocha (.mocharc.cjs: every test file but the integration suite's). The three need only the component's build
// (its dist/ is what the stack, the examples and the packed-package tests import), not each other, so on a machine with
// two or more cores they overlap instead of queueing. `npm test` fails when any of them fails, and always runs all
// three, so one run reports every problem. A line says when each phase starts and ends (its time); the type-check and
// lint print nothing until they end (ESLint's type-aware pass takes a minute), so their output is held and printed as
// one block when each ends, after a line every 30 s saying it is still running; mocha prints each test as it ends.
// `npm run test:integration` (argument `integration`): one phase, mocha with .mocharc.integration.cjs (the test files
// that need child processes, packing or real sockets).
"use strict";
const { spawn } = require("node:child_process");
const { setInterval, clearInterval } = require("node:timers");
const { Buffer } = require("node:buffer");

const HEARTBEAT_MS = 30_000;
const npm = (...args) => ["npm", ["run", "-s", ...args]];
const npx = (...args) => ["npx", ["--no-install", ...args]];
/**
 * Each command's steps in order; a step is the phases that run side by side: name, command, and whether it is silent
 * while it runs (its output is then held, and a heartbeat printed).
 */
const COMMANDS = {
  test: [
    [{ name: "build", command: npm("build", "-w", "secure-fargate-task"), silent: true }],
    [
      { name: "type-check", command: npx("tsc", "-p", "tsconfig.json"), silent: true },
      { name: "lint", command: npm("lint"), silent: true },
      { name: "mocha", command: npx("mocha"), silent: false },
    ],
  ],
  integration: [[{ name: "mocha", command: npx("mocha", "--config", ".mocharc.integration.cjs"), silent: false }]],
};
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

/** Runs one phase; a silent one's output is held until it ends. Resolves with its exit code and time. */
function run(phase, say) {
  const start = Date.now();
  say(`${phase.name} started${phase.silent ? " (its output is printed when it ends)" : ""}`);
  const timer = phase.silent ? setInterval(() => say(`${phase.name} still running, ${seconds(Date.now() - start)}`), HEARTBEAT_MS) : undefined;
  return new Promise((resolve) => {
    const [file, args] = phase.command;
    const child = spawn(file, args, { stdio: phase.silent ? ["ignore", "pipe", "pipe"] : "inherit" });
    const held = [];
    child.stdout?.on("data", (chunk) => held.push(chunk));
    child.stderr?.on("data", (chunk) => held.push(chunk));
    let finished = false;
    const finish = (code) => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      const output = Buffer.concat(held).toString();
      say(`${phase.name} ${code === 0 ? "passed" : `failed (exit ${code})`} in ${seconds(Date.now() - start)}${output ? ", its output:" : ""}`);
      if (output) process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
      resolve({ name: phase.name, code, ms: Date.now() - start });
    };
    child.on("error", (err) => {
      say(`${phase.name} could not start: ${err.message}`);
      finish(1);
    });
    // `close`, not `exit`: the held output is complete only once the child's pipes have closed.
    child.on("close", (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs the steps in order, each step's phases side by side; a step runs only when every phase before it passed.
 * Resolves with the exit code: 0, or the first failed phase's (1 if it had none).
 */
async function runSteps(steps, label) {
  const say = (line) => process.stdout.write(`${label}: ${line}\n`);
  const start = Date.now();
  const done = [];
  for (const step of steps) {
    const results = await Promise.all(step.map((phase) => run(phase, say)));
    done.push(...results);
    if (results.some((r) => r.code !== 0)) break;
  }
  const failed = done.filter((r) => r.code !== 0);
  say(`phases: ${done.map((r) => `${r.name} ${seconds(r.ms)}`).join(", ")}; in all ${seconds(Date.now() - start)}`);
  if (failed.length > 0) say(`failed: ${failed.map((r) => r.name).join(", ")}`);
  return failed.length > 0 ? failed[0].code || 1 : 0;
}

if (require.main === module) {
  const suite = process.argv[2] ?? "test";
  if (COMMANDS[suite] === undefined) {
    process.stderr.write(`test-phases: unknown suite ${suite}; one of: ${Object.keys(COMMANDS).join(", ")}\n`);
    process.exitCode = 2;
  } else {
    void runSteps(COMMANDS[suite], suite === "test" ? "npm test" : `test:${suite}`).then((code) => {
      process.exitCode = code;
    });
  }
}

module.exports = { COMMANDS, runSteps };
