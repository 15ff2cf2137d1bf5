/**
 * Prints `docs/DEPLOYER.md`: the IAM permissions the identity running `pulumi up`/`preview`/`refresh`/`destroy` needs
 * for this stack, derived from what the program registers under mocks. Usage:
 * npm run -s deployer-report > docs/DEPLOYER.md (-s keeps npm's banner out of the file)
 */
import { derive, missingRows } from "./derive";
import { PERMISSIONS } from "./permissions";
import { deployerReport } from "./render";
import { captureAll } from "./scenarios";

captureAll()
  .then((captures) => {
    const missing = missingRows(captures);
    if (missing.length > 0) throw new Error(`no row in infra/deployer/permissions.ts for: ${missing.join(", ")}`);
    process.stdout.write(deployerReport(derive(captures, PERMISSIONS)));
    process.exit(0);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
