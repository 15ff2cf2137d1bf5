import { ACCOUNT, makeContext, REGION, type MockRun } from "@twitterstream/test-kit/mocks";
import { SECRETS, secretValues } from "@twitterstream/test-kit/secrets";
import type { SecureFargateTaskArgs } from "../src";
import type { SecureFargateTask } from "../src/component";
import { keyedRepositoryName } from "../src/names";
import { fakeId } from "../src/testing/resources";
import { mockRun } from "./mockRun";

/** The component's repository under the mocks: named for project `proj`, stack `dev`, and the key the component makes. */
export const REPOSITORY = keyedRepositoryName("proj/dev/app", `arn:aws:kms:${REGION}:${ACCOUNT}:key/${fakeId("app-key")}`);

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
        secrets: secretValues(SECRETS),
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
  return JSON.parse(String(r.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.containerDefinitions)) as Array<
    Record<string, unknown>
  >;
}

/** A role policy's document, parsed. */
export function rolePolicy(r: MockRun, name: string): { Version: string; Statement: Array<Record<string, unknown>> } {
  return JSON.parse(String(r.get("aws:iam/rolePolicy:RolePolicy", name).inputs.policy)) as {
    Version: string;
    Statement: Array<Record<string, unknown>>;
  };
}
