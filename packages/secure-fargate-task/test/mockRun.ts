import { mockRun as kitMockRun, type MockRun, type MockRunOptions } from "@twitterstream/test-kit/mocks";
import { computedState } from "../src/testing/resources";

/**
 * The test kit's `mockRun` with the component's own model of what AWS computes for each resource (src/testing, the
 * source rather than the built `secure-fargate-task/testing`, so that a change there is tested at once).
 */
export function mockRun(program: () => void, options: Omit<MockRunOptions, "computedState"> = {}): Promise<MockRun> {
  return kitMockRun(program, { ...options, computedState });
}
