/**
 * Runs `SecureFargateTask` under the test kit's Pulumi mocks (the ones the component's tests use, with the component's
 * own model of what AWS computes, `secure-fargate-task/testing`) in each configuration of options.ts, one after the
 * other in this process, and keeps what each registered and invoked.
 */
import { makeContext, mockRun } from "@twitterstream/test-kit/mocks";
import type { SecureFargateTaskArgs } from "secure-fargate-task";
import { computedState } from "secure-fargate-task/testing";
import { SECRET, type ReferenceOption } from "./options";

/** One child resource as the mocks received it. */
export interface ChildResource {
  readonly type: string;
  readonly inputs: Record<string, unknown>;
}

/** What one configuration registered (the component's children, not the component) and invoked. */
export interface Capture {
  readonly option: ReferenceOption;
  readonly resources: readonly ChildResource[];
  /** Invoke tokens, deduplicated and sorted. */
  readonly invokes: readonly string[];
}

/** The component's own type token, left out of the children. */
export const COMPONENT_TYPE = "secure-fargate-task:index:SecureFargateTask";

/** Runs one configuration: a build context of its own and the defaults' secrets, then the option's arguments over them. */
export async function capture(option: ReferenceOption): Promise<Capture> {
  const { SecureFargateTask } = await import("secure-fargate-task");
  const args: SecureFargateTaskArgs = { image: { context: makeContext() }, secrets: SECRET, ...option.args };
  const run = await mockRun(() => new SecureFargateTask("app", args), { computedState });
  return {
    option,
    resources: run.resources.filter((r) => r.type !== COMPONENT_TYPE).map((r) => ({ type: r.type, inputs: r.inputs })),
    invokes: [...new Set(run.invokes)].sort(),
  };
}

/** Runs every configuration in order (Pulumi's mocks are process-wide: one run at a time). */
export async function captureAll(options: readonly ReferenceOption[]): Promise<Capture[]> {
  const captures: Capture[] = [];
  for (const option of options) captures.push(await capture(option));
  return captures;
}
