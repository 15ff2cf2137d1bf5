/**
 * Runs `SecureFargateTask` once under the test kit's mocks (with the package's own `secure-fargate-task/testing` model
 * of what AWS computes) with one optional part switched on (what the stack does not use), in a process of its own, and
 * prints the resource types and invokes it registered as one JSON line.
 *
 * Usage: node --import tsx componentScenario.ts <followRotation|s3Object|defaultNetwork|schedule|loadBalancer|autoScaling>
 */
import * as pulumi from "@pulumi/pulumi";
import { makeContext, mockRun } from "@twitterstream/test-kit/mocks";
import { RESULT_PREFIX } from "@twitterstream/test-kit/scenario";
import { SECRETS, secretValues } from "@twitterstream/test-kit/secrets";
import type { SecureFargateTaskArgs } from "secure-fargate-task";
import { computedState } from "secure-fargate-task/testing";

/** The subnets the variants other than `defaultNetwork` give, so that each variant adds only its own part. */
const NETWORK = { subnetIds: ["subnet-private-a"], assignPublicIp: false };
/** An ACM certificate ARN of the documented shape (the component's tests use the same one). */
const CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666";

/** The component's optional parts, each as the arguments that switch it on. */
export const COMPONENT_VARIANTS = {
  followRotation: { network: NETWORK, secrets: { ...secretValues(SECRETS), DB: { secretsManager: "shared/db", followRotation: true } } },
  s3Object: { network: NETWORK, secrets: { ...secretValues(SECRETS), TLS_KEY: { s3Object: pulumi.secret("-----BEGIN KEY-----") } } },
  defaultNetwork: {},
  schedule: { network: NETWORK, runMode: "task", schedule: { expression: "cron(0 3 * * ? *)" } },
  loadBalancer: {
    network: NETWORK,
    portMappings: [{ containerPort: 8080 }],
    loadBalancer: { certificateArn: CERTIFICATE, subnetIds: ["subnet-public-a", "subnet-public-b"] },
  },
  autoScaling: {
    network: NETWORK,
    autoScaling: { maxCapacity: 4, cpuUtilizationPercent: 60, schedules: [{ name: "night", schedule: "cron(0 20 * * ? *)", maxCapacity: 1 }] },
  },
} satisfies Record<string, Partial<SecureFargateTaskArgs>>;

/** The name of one optional part. */
export type ComponentVariant = keyof typeof COMPONENT_VARIANTS;

async function main(): Promise<void> {
  const variant = process.argv[2] as ComponentVariant;
  const { SecureFargateTask } = await import("secure-fargate-task");
  const context = makeContext();
  // The arguments every variant shares (the component tests' runComponent defaults), then the variant's own part.
  const args: SecureFargateTaskArgs = {
    image: { context },
    secrets: secretValues(SECRETS),
    environment: { TABLE: "tweets", FILTER: "Cloud Computing" },
    ...COMPONENT_VARIANTS[variant],
  };
  const run = await mockRun(() => new SecureFargateTask("app", args), { computedState });
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
