/**
 * Prints the Pulumi package schema of this component, as the Node.js plugin host derives it when another language
 * adds the package (`pulumi package add`): @pulumi/pulumi's own analyzer, through `ComponentProvider.getSchema()`.
 * `npm run -s schema > packages/secure-fargate-task/schema.json`; test/schema.test.ts fails when the file is stale.
 */
import * as path from "node:path";
import { commandLine, withProgress } from "../../../scripts/cli";

/** The schema, formatted as committed. */
export async function componentSchema(): Promise<string> {
  // Loaded here, not at the top: `--help` answers without loading the component and Pulumi's analyzer.
  const { ComponentProvider } = await import("@pulumi/pulumi/provider/experimental");
  const { SecureFargateTask } = await import("../src");
  const provider = new ComponentProvider({ components: [SecureFargateTask], name: "secure-fargate-task", dirname: path.join(__dirname, "..") });
  return `${JSON.stringify(JSON.parse(await provider.getSchema()), null, 2)}\n`;
}

if (require.main === module) {
  commandLine(`Usage: npm run -s schema > packages/secure-fargate-task/schema.json

Prints the component's Pulumi package schema, as pulumi package add derives it (@pulumi/pulumi's own analyzer).
Progress on stderr.`);
  withProgress("schema: deriving the component's schema with Pulumi's analyzer", componentSchema)
    .then((schema) => {
      process.stdout.write(schema);
      process.exit(0);
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
