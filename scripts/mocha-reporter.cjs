// The spec reporter, plus one plain closing line ("N passed, N failed, N skipped") that CI reads. A test that a failed
// hook kept from running counts as failed (mocha reports only the hook), and the time limits scale with the machine's
// load (scripts/mocha-timeouts.cjs).
"use strict";
const Mocha = require("mocha");
const { scaleTimeouts } = require("./mocha-timeouts.cjs");

const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;

/**
 * The tests that the failed hooks kept from running: under each hook's suite, those selected for this run (mocha's
 * grep, as Runner#grepTotal applies it) that neither passed, failed nor were skipped.
 */
function hiddenTests(failedHooks, runner) {
  const selected = (test) => runner._grep.test(test.fullTitle()) !== Boolean(runner._invert);
  const hidden = new Map();
  for (const hook of failedHooks) {
    const tests = [];
    hook.parent.eachTest((test) => {
      if (test.state === undefined && !test.isPending() && selected(test)) tests.push(test);
    });
    hidden.set(hook, tests);
  }
  return hidden;
}

/** The closing lines: one per failed hook that hid tests, then the counts. */
function summary(stats, failedTests, hidden) {
  const lines = [];
  const counted = new Set();
  let hooksHidingNone = 0;
  for (const [hook, tests] of hidden) {
    const fresh = tests.filter((t) => !counted.has(t));
    fresh.forEach((t) => counted.add(t));
    if (tests.length === 0) hooksHidingNone++;
    else lines.push(`${fresh.length} test(s) did not run, counted as failed: ${hook.fullTitle()} failed`);
  }
  // A failed hook that hid no test (an `after` hook) still counts once, so that the line is never all green.
  const failed = failedTests.size + counted.size + hooksHidingNone;
  lines.push(`tests: ${stats.passes} passed, ${failed} failed, ${stats.pending} skipped`);
  return lines;
}

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    scaleTimeouts(runner);
    const failedHooks = new Set();
    const failedTests = new Set();
    runner.on(EVENT_TEST_FAIL, (runnable) => (runnable.type === "hook" ? failedHooks : failedTests).add(runnable));
    runner.once(EVENT_RUN_END, () => {
      const lines = summary(runner.stats, failedTests, hiddenTests(failedHooks, runner));
      process.stdout.write(`\n${lines.join("\n")}\n`);
    });
  }
}

module.exports = SpecWithSummary;
