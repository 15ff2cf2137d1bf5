// One line on stderr when the Node running the README's commands is older than the project's target (engines: >=22).
// It never stops them: the tests and the local run work on Node 20 too; CI runs on 22 (scripts/with-node22.sh).
"use strict";
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(
    `note: Node ${process.version} here; this project targets Node 22 (CI runs on it). Continuing; for Node 22 without installing it, prefix the command with scripts/with-node22.sh\n`,
  );
}
