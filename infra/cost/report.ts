/**
 * Prints `docs/COST.md`: the stack's monthly cost per configuration, from what the program registers under mocks and
 * the list prices in `prices.ts`. Usage: npm run -s cost-report > docs/COST.md (-s keeps npm's banner out of the file)
 */
import { captureAll, CONFIGURATIONS } from "./configurations";
import { costReport, priceAll } from "./render";

captureAll()
  .then((runs) => {
    process.stdout.write(costReport(priceAll(CONFIGURATIONS, runs)));
    process.exit(0);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
