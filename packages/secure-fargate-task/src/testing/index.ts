/**
 * `secure-fargate-task/testing`: what a program's own unit tests need to run SecureFargateTask under Pulumi's mocks
 * (`pulumi.runtime.setMocks`, https://www.pulumi.com/docs/iac/concepts/testing/unit/): answers to the component's
 * invokes, and the outputs AWS computes for the resources it creates.
 */
import type * as pulumi from "@pulumi/pulumi";
import { mockCall, type TestScope } from "./invokes";
import { mockResource } from "./resources";

export { COMPONENT_INVOKES, componentInvoke, mockCall, type TestScope } from "./invokes";
export { computedState, mockResource } from "./resources";

/** Mocks for `pulumi.runtime.setMocks(mocks())`: `mockResource` for every resource, `mockCall(scope)` for every call. */
export function mocks(scope: TestScope = {}): pulumi.runtime.Mocks {
  const where = { account: scope.account ?? "123456789012", region: scope.region ?? "us-east-1" };
  return { newResource: (args) => mockResource(args, where), call: mockCall(scope) };
}
