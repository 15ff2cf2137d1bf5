/**
 * Prints the Pulumi package schema of this component, as the Node.js plugin host derives it when another language
 * adds the package (`pulumi package add`): @pulumi/pulumi's own analyzer, through `ComponentProvider.getSchema()`.
 * `npm run -s schema > packages/secure-fargate-task/schema.json`; test/schema.test.ts fails when the file is stale.
 */
import * as path from "node:path";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { SecureFargateTask } from "../src";

/** The schema, formatted as committed. */
export async function componentSchema(): Promise<string> {
  const provider = new ComponentProvider({ components: [SecureFargateTask], name: "secure-fargate-task", dirname: path.join(__dirname, "..") });
  return `${JSON.stringify(JSON.parse(await provider.getSchema()), null, 2)}\n`;
}

if (require.main === module) void componentSchema().then((schema) => process.stdout.write(schema));
