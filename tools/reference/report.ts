/**
 * Prints `packages/secure-fargate-task/REFERENCE.md`: every argument (type, default, doc) and output of the component,
 * every resource it creates in its defaults and with each option with its monthly list price, and the IAM its deployer
 * needs. Usage: npm run -s reference > packages/secure-fargate-task/REFERENCE.md (-s keeps npm's banner out of the file)
 */
import * as path from "node:path";
import { commandLine, withProgress } from "../../scripts/cli";

commandLine(`Usage: npm run -s reference > packages/secure-fargate-task/REFERENCE.md

Prints the component's reference: every argument and output (from schema.json and the TSDoc), every resource it
creates in its defaults and with each option, what each costs a month at list price, and the IAM the deploying
identity needs for it; from the component run under Pulumi mocks (no AWS account needed). Progress on stderr.`);

withProgress("reference: running the component under mocks in each configuration", async () => {
  // Loaded after the command line is read: the component and its mocks take seconds to load.
  const { generateReference } = await import("./generate");
  return generateReference(path.resolve(__dirname, "..", "..", "packages", "secure-fargate-task"));
})
  .then((doc) => {
    process.stdout.write(doc);
    process.exit(0);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
