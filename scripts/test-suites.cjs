// Which test files each mocha suite runs, in one place for both configurations (.mocharc.cjs, `npm test`'s, and
// .mocharc.integration.cjs, `npm run test:integration`'s), so that a file is in exactly one of them: the integration
// suite runs the files below, `npm test` every other file under the spec roots, in one process.
// test/scripts/suites.test.ts holds every *.test.ts of the repository to exactly one suite (images/test: test:images).
"use strict";

/** Where the test files are (mocha's `spec`). */
const SPEC_ROOTS = [
  "packages/*/test/**/*.test.ts",
  "infra/test/**/*.test.ts",
  "tools/*/test/**/*.test.ts",
  "service/test/**/*.test.ts",
  "examples/*/test/**/*.test.ts",
  "test/**/*.test.ts",
];

/**
 * The test files that start a child process, pack the component (`npm pack`), or serve or connect to a real socket;
 * each with what it starts. Paths from the repository root, as mocha's globs and its `ignore` compare them.
 */
const INTEGRATION = [
  ["infra/test/stack.test.ts", "the stack program under mocks, one child process per scenario"],
  ["tools/deployer/test/deployer.test.ts", "the deployer's scenarios, one child process each"],
  ["tools/cost/test/report.test.ts", "the stack program per priced configuration, in child processes"],
  ["tools/doctor/test/cli.test.ts", "the doctor CLI as a child process, against a loopback fake AWS"],
  ["tools/doctor/test/doctor.test.ts", "a loopback HTTP fake of the AWS APIs"],
  ["tools/doctor/test/timeout.test.ts", "a loopback server that accepts connections and never answers"],
  ["packages/secure-fargate-task/test/init/main.test.ts", "the init container's main as a child process, loopback fakes of AWS and S3"],
  ["packages/secure-fargate-task/test/pack/*.test.ts", "npm pack, and programs that install the tarball"],
  ["packages/secure-fargate-task/test/rotation/restartService.test.ts", "the rotation Lambda's handler in a child process, against a loopback ECS"],
  ["packages/secure-fargate-task/test/security/controls.test.ts", "the policy pack's analyzer as a child process, over gRPC"],
  ["packages/secure-fargate-task/test/security/findings.test.ts", "the policy pack's analyzer as a child process, over gRPC"],
  ["service/test/attribution.test.ts", "the service process, dynalite and the fake X server (service/test/harness.ts)"],
  ["service/test/compliance.test.ts", "the service process, dynalite and the fake X server"],
  ["service/test/content.test.ts", "the service process, dynalite and the fake X server"],
  ["service/test/fakeXServer.test.ts", "the fake X server on loopback"],
  ["service/test/health.test.ts", "the service process and its health check as child processes"],
  ["service/test/localRun.test.ts", "service/scripts/local.ts (npm run local) as a child process"],
  ["service/test/metrics.test.ts", "the service process, dynalite and the fake X server"],
  ["service/test/recovery.test.ts", "the service process, dynalite and the fake X server"],
  ["service/test/ruleOwnership.test.ts", "the service process, dynalite and the fake X server"],
  ["service/test/service.test.ts", "the service process, dynalite and the fake X server"],
  ["service/test/spill.test.ts", "the service process, dynalite and the fake X server"],
  ["service/test/stream.test.ts", "a loopback HTTP server the stream reads"],
  ["service/test/xConnection.test.ts", "the service process, dynalite and the fake X server"],
  ["test/docs/docBlocks.test.ts", "npm pack, and the READMEs' commands (npm run ... --help) as child processes"],
  ["test/scripts/help.test.ts", "npm run <script> -- --help, one child process per script"],
  ["test/scripts/testPhases.test.ts", "npm test's phase runner over small node programs, as child processes"],
].map(([glob, starts]) => ({ glob, starts }));

/** What both suites share: tsx, the load-scaled limits and closing line of scripts/mocha-*.cjs. */
const COMMON = {
  "node-option": ["import=tsx"],
  extension: ["ts"],
  timeout: 60000,
  recursive: true,
  reporter: "./scripts/mocha-reporter.cjs",
  require: ["./scripts/mocha-setup.cjs"],
};

module.exports = { SPEC_ROOTS, INTEGRATION, COMMON };
