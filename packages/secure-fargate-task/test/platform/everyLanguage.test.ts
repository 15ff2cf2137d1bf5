/**
 * Every mock run (mockRun for the component, the examples and the packed consumer; infra/mocked/scenario.ts for
 * the stack) fails through platformViolations when a resource of the pulumi-nodejs provider is registered: these are
 * the rule's own cases, and one run that proves it is wired in.
 */
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { mockRun } from "../mockRun";
import { nodeOnlyResources, packageOf } from "@twitterstream/test-kit/platform/everyLanguage";

describe("every scenario deploys from any language: no resource of the pulumi-nodejs provider", () => {
  it("names the package of a resource type and of a provider", () => {
    expect(packageOf("pulumi-nodejs:dynamic:Resource")).to.equal("pulumi-nodejs");
    expect(packageOf("pulumi:providers:pulumi-nodejs")).to.equal("pulumi-nodejs");
    expect(packageOf("time:index/sleep:Sleep")).to.equal("time");
    expect(packageOf("aws:ecs/service:Service")).to.equal("aws");
  });

  it("flags a dynamic resource and its provider, and nothing of a provider plugin", () => {
    const found = nodeOnlyResources([
      { type: "pulumi-nodejs:dynamic:Resource", name: "wait" },
      { type: "pulumi:providers:pulumi-nodejs", name: "default" },
      { type: "time:index/sleep:Sleep", name: "sleep" },
      { type: "aws:iam/role:Role", name: "role" },
      { type: "pulumi:providers:aws", name: "default_7_48_0" },
    ]);
    expect(found).to.have.length(2);
    expect(found[0]).to.match(/^pulumi-nodejs:dynamic:Resource wait: .*pulumi\/pulumi#5455/);
    expect(found[1]).to.match(/^pulumi:providers:pulumi-nodejs default: /);
  });

  it("fails a mock run that registers a dynamic resource", async () => {
    const provider: pulumi.dynamic.ResourceProvider = { create: () => Promise.resolve({ id: "x", outs: {} }) };
    class NodeOnly extends pulumi.dynamic.Resource {}
    let failure: unknown;
    try {
      await mockRun(() => {
        new NodeOnly(provider, "node-only", {}, {});
      });
    } catch (e) {
      failure = e;
    }
    expect(String(failure)).to.match(/a real `pulumi up` would fail:[\s\S]*pulumi-nodejs:dynamic:Resource node-only/);
  });
});
