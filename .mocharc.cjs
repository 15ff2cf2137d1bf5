// `npm test`'s mocha: every test file under the spec roots but the integration suite's (scripts/test-suites.cjs).
"use strict";
const { COMMON, INTEGRATION, SPEC_ROOTS } = require("./scripts/test-suites.cjs");

module.exports = { ...COMMON, spec: SPEC_ROOTS, ignore: INTEGRATION.map((entry) => entry.glob) };
