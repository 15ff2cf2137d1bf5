/**
 * Runs `SecureFargateTask` once under the component's own mocks with one optional part switched on (what the stack
 * does not use), in a process of its own, and prints the resource types and invokes it registered as one JSON line.
 *
 * Usage: node --import tsx componentScenario.ts <followRotation|s3Object|defaultNetwork|schedule>
 */
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "secure-fargate-task";
import { runComponent, SECRETS, secretValues } from "../../packages/secure-fargate-task/test/runComponent";
import { RESULT_PREFIX } from "../../infra/test/harness/mocks";

/** The subnets the variants other than `defaultNetwork` give, so that each variant adds only its own part. */
const NETWORK = { subnetIds: ["subnet-private-a"], assignPublicIp: false };

/** The component's optional parts, each as the arguments that switch it on. */
export const COMPONENT_VARIANTS = {
  followRotation: { network: NETWORK, secrets: { ...secretValues(SECRETS), DB: { secretsManager: "shared/db", followRotation: true } } },
  s3Object: { network: NETWORK, secrets: { ...secretValues(SECRETS), TLS_KEY: { s3Object: pulumi.secret("-----BEGIN KEY-----") } } },
  defaultNetwork: {},
  schedule: { network: NETWORK, runMode: "task", schedule: { expression: "cron(0 3 * * ? *)" } },
} satisfies Record<string, Partial<SecureFargateTaskArgs>>;

/** The name of one optional part. */
export type ComponentVariant = keyof typeof COMPONENT_VARIANTS;

async function main(): Promise<void> {
  const variant = process.argv[2] as ComponentVariant;
  const { run } = await runComponent(COMPONENT_VARIANTS[variant]);
  const result = { resources: run.resources.map((r) => ({ type: r.type })), invokes: run.invokes };
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify({ resources: [], invokes: [], error: String(e) })}\n`);
      process.exit(1);
    },
  );
}
