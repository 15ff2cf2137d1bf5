/**
 * Prints `docs/ACCESS.md`: who may do what in the twitterstream deployment, from the policies the program writes,
 * run under Pulumi mocks. Usage: npm run -s access-report > docs/ACCESS.md (-s keeps npm's banner out of the file)
 */
import { commandLine, withProgress } from "../../../scripts/cli";

commandLine(`Usage: npm run -s access-report > docs/ACCESS.md

Prints docs/ACCESS.md: every principal, action, resource and condition the stack grants, and who may read each
secret, from the policies the program writes under Pulumi mocks, evaluated with @cloud-copilot/iam-simulate (no AWS
account needed). Progress on stderr.`);

withProgress("access-report: running the component under mocks and evaluating its policies", async () => {
  // Loaded after the command line is read: the component, its mocks and the IAM simulator take seconds to load.
  const { accessReport } = await import("./security/accessReport");
  const { componentWithStackArgs } = await import("./security/subjects");
  return accessReport(await componentWithStackArgs());
})
  .then((report) => {
    process.stdout.write(report);
    process.exit(0);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
