/**
 * Prints `docs/DEPLOYER.md`: the IAM permissions the identity running `pulumi up`/`preview`/`refresh`/`destroy` needs
 * for this stack, derived from what the program registers under mocks. Usage:
 * npm run -s deployer-report > docs/DEPLOYER.md (-s keeps npm's banner out of the file)
 */
import { commandLine, withProgress } from "../../scripts/cli";

commandLine(`Usage: npm run -s deployer-report > docs/DEPLOYER.md

Prints docs/DEPLOYER.md: the IAM permissions the identity running pulumi up, preview, refresh and destroy needs for
this stack, derived from what the Pulumi program creates under mocks (no AWS account needed). Progress on stderr.`);

withProgress("deployer-report: running the program under mocks in each scenario", async () => {
  // Loaded after the command line is read: the program and its mocks take seconds to load.
  const { derive, missingRows } = await import("./derive");
  const { PERMISSIONS } = await import("./permissions");
  const { deployerReport } = await import("./render");
  const { captureAll } = await import("./scenarios");
  const captures = await captureAll();
  const missing = missingRows(captures);
  if (missing.length > 0) throw new Error(`no row in tools/deployer/permissions.ts for: ${missing.join(", ")}`);
  return deployerReport(derive(captures, PERMISSIONS));
})
  .then((report) => {
    process.stdout.write(report);
    process.exit(0);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
