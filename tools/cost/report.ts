/**
 * Prints `docs/COST.md`: the stack's monthly cost per configuration, from what the program registers under mocks and
 * the list prices in `prices.ts`. Usage: npm run -s cost-report > docs/COST.md (-s keeps npm's banner out of the file)
 */
import { commandLine, withProgress } from "../../scripts/cli";

commandLine(`Usage: npm run -s cost-report > docs/COST.md

Prints docs/COST.md: the stack's monthly cost at AWS list prices, per configuration, from what the Pulumi program
creates under mocks (no AWS account needed). Progress on stderr.`);

withProgress("cost-report: running the program under mocks in each configuration", async () => {
  // Loaded after the command line is read: the program and its mocks take seconds to load.
  const { captureAll, CONFIGURATIONS } = await import("./configurations");
  const { costReport, priceAll } = await import("./render");
  return costReport(priceAll(CONFIGURATIONS, await captureAll()));
})
  .then((report) => {
    process.stdout.write(report);
    process.exit(0);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
