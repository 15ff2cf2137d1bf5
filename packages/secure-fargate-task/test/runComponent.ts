import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "../src";
import type { SecureFargateTask } from "../src/component";
import { makeContext, mockRun, MockRun } from "./mocks";

/** The secret values the component tests use: none may appear outside a secret's own input. */
export const SECRETS = { CONSUMERKEY: "ck-value-1", CONSUMERSECRETKEY: "cs-value-2", ACCESSTOKEN: "at-value-3" };

/** Runs the component named "app" with these args (build context, secrets and environment defaulted) under mocks. */
export async function runComponent(
  overrides: Partial<SecureFargateTaskArgs> = {},
  stack = "dev",
): Promise<{ run: MockRun; component: SecureFargateTask; context: string }> {
  const { SecureFargateTask } = await import("../src");
  let component: SecureFargateTask | undefined;
  const context = makeContext();
  const run = await mockRun(
    () => {
      component = new SecureFargateTask("app", {
        image: { context },
        secrets: Object.fromEntries(Object.entries(SECRETS).map(([k, v]) => [k, pulumi.secret(v)])),
        environment: { TABLE: "tweets", FILTER: "Cloud Computing" },
        ...overrides,
      });
    },
    { stack },
  );
  return { run, component: component!, context };
}

/** The task definition's container definitions, parsed. */
export function containerDefinitions(r: MockRun): Array<Record<string, unknown>> {
  return JSON.parse(String(r.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.containerDefinitions));
}

/** A role policy's document, parsed. */
export function rolePolicy(r: MockRun, name: string): { Version: string; Statement: Array<Record<string, unknown>> } {
  return JSON.parse(String(r.get("aws:iam/rolePolicy:RolePolicy", name).inputs.policy));
}
