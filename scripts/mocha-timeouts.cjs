// Mocha's time limits, scaled to the machine's load. A suite declares the limit it needs on a quiet machine (the
// `timeout` of scripts/test-suites.cjs, or `this.timeout(ms)`); when each test or hook starts, its limit becomes that
// figure times the load per core (the 1-minute load average over the CPU count, at least 1), so a busy machine does not
// trip it.
// A test that still runs out fails with "timed out after N s", the figures of the scaling beside it.
"use strict";
const os = require("node:os");
const Mocha = require("mocha");

const { EVENT_HOOK_BEGIN, EVENT_TEST_BEGIN, EVENT_TEST_FAIL } = Mocha.Runner.constants;
/** The code mocha gives its timeout errors (mocha's lib/errors.js, `constants.TIMEOUT`). */
const TIMEOUT_CODE = "ERR_MOCHA_TIMEOUT";

/** How many times slower than quiet the machine is now: the load per core, at least 1. */
function loadFactor(load = os.loadavg()[0], cores = os.availableParallelism()) {
  return Math.max(1, load / Math.max(1, cores));
}

/** The limit for a runnable that declares `declaredMs` (0: none), at this load factor. */
function scaledTimeout(declaredMs, factor) {
  return declaredMs === 0 ? 0 : Math.ceil(declaredMs * factor);
}

/** The message of a timeout error: how long the runnable ran, and where its limit came from. */
function timeoutMessage(limitMs, declaredMs, factor, original) {
  const seconds = (ms) => `${Number((ms / 1000).toFixed(3))} s`;
  return (
    `timed out after ${seconds(limitMs)} (declared ${seconds(declaredMs)} for a quiet machine, ` +
    `x${factor.toFixed(1)} for the load per core at the start). ${original}`
  );
}

/** Scales the limit of every test and hook of `runner` when it starts; rewrites their timeout errors. */
function scaleTimeouts(runner, factorNow = loadFactor) {
  const declared = new WeakMap();
  const applied = new WeakMap();
  const scale = (runnable) => {
    if (!declared.has(runnable)) declared.set(runnable, runnable.timeout());
    const factor = factorNow();
    applied.set(runnable, factor);
    runnable.timeout(scaledTimeout(declared.get(runnable), factor));
  };
  runner.on(EVENT_HOOK_BEGIN, scale);
  runner.on(EVENT_TEST_BEGIN, scale);
  runner.on(EVENT_TEST_FAIL, (runnable, err) => {
    if (err?.code !== TIMEOUT_CODE || !declared.has(runnable) || typeof err.timeout !== "number") return;
    const original = err.message;
    err.message = timeoutMessage(err.timeout, declared.get(runnable), applied.get(runnable), original);
    // Reporters print the message as the stack spells it.
    if (typeof err.stack === "string") err.stack = err.stack.replace(original, err.message);
  });
}

module.exports = { loadFactor, scaledTimeout, scaleTimeouts, timeoutMessage };
