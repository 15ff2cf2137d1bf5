// Loaded by mocha before the tests. The AWS SDK warns on stderr, once per process, that its releases from 2027 need
// Node 22; this machine runs Node 20 and the SDK is pinned by package-lock.json, so the notice is noise in test output.
"use strict";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
