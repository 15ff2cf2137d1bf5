/**
 * Prints `docs/ACCESS.md`: who may do what in the twitterstream deployment, from the policies the program writes,
 * run under Pulumi mocks. Usage: npm run -s access-report > docs/ACCESS.md (-s keeps npm's banner out of the file)
 */
import { accessReport } from "../test/security/accessReport";
import { componentWithStackArgs } from "../test/security/subjects";

componentWithStackArgs()
  .then(accessReport)
  .then((report) => {
    process.stdout.write(report);
    process.exit(0);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
