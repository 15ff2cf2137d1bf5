// `npm run test:integration`'s mocha: the test files that need child processes, packing or real sockets
// (scripts/test-suites.cjs).
"use strict";
const { COMMON, INTEGRATION } = require("./scripts/test-suites.cjs");

module.exports = { ...COMMON, spec: INTEGRATION.map((entry) => entry.glob) };
