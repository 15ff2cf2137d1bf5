/**
 * Prints `docs/SECURITY.md` from the control list the control tests run, and rewrites the policy list in
 * `packages/policy-pack/README.md` from the same list, so that one command brings both up to date. Usage:
 * npm run -s security-report > docs/SECURITY.md (-s keeps npm's banner out of the file)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { commandLine, withProgress } from "../../../scripts/cli";

commandLine(`Usage: npm run -s security-report > docs/SECURITY.md

Prints docs/SECURITY.md: each AWS Config and Security Hub control the policy pack checks, what it checks and whether
the component passes it, from packages/policy-pack/src/controls.ts; and rewrites the policy list in
packages/policy-pack/README.md from the same list. Progress on stderr.`);

withProgress("security-report: rendering the controls", async () => {
  // Loaded after the command line is read: the controls and the component's grants take seconds to load.
  const { securityReport, withPolicyList } = await import("./security/securityReport");
  const readme = path.resolve(__dirname, "../../policy-pack/README.md");
  fs.writeFileSync(readme, withPolicyList(fs.readFileSync(readme, "utf8")));
  return securityReport();
})
  .then((report) => {
    process.stdout.write(report);
    process.exit(0);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
