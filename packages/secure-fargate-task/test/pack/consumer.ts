/**
 * A consumer's Pulumi program, run by pack.test.ts in a child process whose working directory is a fresh project
 * outside the workspace, with the packed package installed in its node_modules. Runs the component under mocks in the
 * delivery mode given as argv[2] and prints, as one JSON line, where the package resolved from and what files the
 * registrations name that do not exist.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { mockRun } from "../mockRun";

async function main(): Promise<void> {
  const delivery = process.argv[2] as "environment" | "files";
  const resolved = createRequire(path.join(process.cwd(), "index.js")).resolve("secure-fargate-task");
  // Loaded the way the consumer's program would load it: by package name, from the consumer's node_modules.
  const { SecureFargateTask } = (await import(resolved)) as typeof import("../../src");
  let error = "";
  let named: string[] = [];
  try {
    const run = await mockRun(() => {
      new SecureFargateTask("api", {
        image: { context: "app" },
        secrets: { DB_PASSWORD: { value: pulumi.secret("pw") }, DB: { secretsManager: "prod/db", followRotation: true } },
        secretDelivery: delivery,
      });
    });
    // Every file and build context the resources name (mockRun already failed if one did not exist).
    named = run.registrations.flatMap((r) => {
      const build = r.serialized.build as { context?: string } | undefined;
      const code = r.serialized.code as { assets?: Record<string, { path?: string }> } | undefined;
      return [build?.context, ...Object.values(code?.assets ?? {}).map((a) => a.path)].filter((p): p is string => typeof p === "string");
    });
  } catch (e) {
    error = (e as Error).message;
  }
  process.stdout.write(`${JSON.stringify({ resolved, named, error })}\n`);
}

void main().then(() => process.exit(0));
