import { expect } from "chai";
import type { SecureFargateTaskArgs } from "../src";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { makeContext, type MockRun } from "@twitterstream/test-kit/mocks";
import { runComponent } from "./runComponent";

const SERVICE = "aws:ecs/service:Service";
const PROVIDERS = "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders";
const context = makeContext();
const base: SecureFargateTaskArgs = { image: { context }, secrets: { API_KEY: { value: "k" } } };

/** The messages validateArgs rejects these args with (none when it accepts them). */
function problems(args: Partial<SecureFargateTaskArgs>): string[] {
  try {
    validateArgs("app", { ...base, ...args });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

/** The service's URN-dependencies, by logical name. */
function serviceDependencies(r: MockRun): string[] {
  return r.registrations.find((x) => x.type === SERVICE && x.name === "app-service")!.dependencies.map((urn) => urn.split("::").pop()!);
}

describe("SecureFargateTask with a capacity provider strategy, under mocks", () => {
  it("places the service by the strategy instead of a launch type, and associates its providers with the cluster first", async () => {
    const { run: r } = await runComponent({
      capacityProviderStrategy: [
        { capacityProvider: "FARGATE", base: 1 },
        { capacityProvider: "FARGATE_SPOT", weight: 3 },
      ],
    });
    const service = r.get(SERVICE, "app-service").inputs;
    expect(service).to.not.have.property("launchType");
    expect(service.capacityProviderStrategies).to.deep.equal([
      { capacityProvider: "FARGATE", weight: 1, base: 1 },
      { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
    ]);
    const cluster = r.get("aws:ecs/cluster:Cluster", "app-cluster").state;
    expect(r.get(PROVIDERS, "app-capacity-providers").inputs).to.deep.equal({
      clusterName: cluster.name,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
    });
    expect(serviceDependencies(r)).to.include("app-capacity-providers");
  });

  it("keeps launch type FARGATE by default, and associates nothing with a cluster it did not create", async () => {
    const { run: plain } = await runComponent();
    expect(plain.get(SERVICE, "app-service").inputs.launchType).to.equal("FARGATE");
    expect(plain.get(SERVICE, "app-service").inputs).to.not.have.property("capacityProviderStrategies");
    expect(plain.ofType(PROVIDERS)).to.deep.equal([]);
    const { run: existing } = await runComponent({
      clusterArn: "arn:aws:ecs:eu-west-1:123456789012:cluster/shared",
      capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT" }],
    });
    expect(existing.get(SERVICE, "app-service").inputs.capacityProviderStrategies).to.deep.equal([
      { capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 },
    ]);
    expect(existing.ofType(PROVIDERS)).to.deep.equal([]);
  });
});

describe("validateArgs: capacityProviderStrategy", () => {
  it("writes out weight 1 and base 0, and is undefined when not given", () => {
    expect(
      validateArgs("app", { ...base, capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT" }] }).capacityProviderStrategy,
    ).to.deep.equal([{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }]);
    expect(validateArgs("app", base).capacityProviderStrategy).to.equal(undefined);
  });

  it("rejects Fargate Spot for an arm64 image, which Spot does not run", () => {
    expect(
      problems({ image: { context, platform: "linux/arm64" }, capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT" }] }),
    ).to.deep.equal([
      '`capacityProviderStrategy[0].capacityProvider` "FARGATE_SPOT" runs x86 tasks only, and image.platform is "linux/arm64" (AWS: Linux tasks with the ARM64 architecture don\'t support the Fargate Spot capacity provider). Use "FARGATE" (arm64 is already about 20 % cheaper), or image.platform "linux/amd64".',
    ]);
    expect(problems({ image: { context, platform: "linux/arm64" }, capacityProviderStrategy: [{ capacityProvider: "FARGATE" }] })).to.deep.equal(
      [],
    );
  });

  it("rejects a base on two providers, no weight above 0, a provider twice or unknown, ranges, an empty list and runMode task", () => {
    expect(
      problems({
        capacityProviderStrategy: [
          { capacityProvider: "FARGATE", base: 1, weight: 0 },
          { capacityProvider: "FARGATE_SPOT", base: 2, weight: 0 },
        ],
      }),
    ).to.deep.equal([
      "`capacityProviderStrategy` gives a base to FARGATE and FARGATE_SPOT: ECS takes a base on one provider only. Keep the base on one (e.g. FARGATE, for the tasks that must not be interrupted).",
      "`capacityProviderStrategy` has no weight above 0: ECS would place no task beyond the base. Give one provider a weight of 1 or more.",
    ]);
    expect(
      problems({
        capacityProviderStrategy: [
          { capacityProvider: "FARGATE", weight: 1001 },
          { capacityProvider: "FARGATE", base: -1 },
          { capacityProvider: "EC2" as "FARGATE" },
        ],
      }),
    ).to.deep.equal([
      "`capacityProviderStrategy[0].weight` must be a whole number from 0 to 1000: got 1001.",
      '`capacityProviderStrategy[1].capacityProvider` "FARGATE" is in the strategy twice. Give each provider once.',
      "`capacityProviderStrategy[1].base` must be a whole number of tasks from 0 to 100000: got -1.",
      '`capacityProviderStrategy[2].capacityProvider` must be "FARGATE" or "FARGATE_SPOT": got "EC2".',
    ]);
    expect(problems({ capacityProviderStrategy: [] })).to.deep.equal([
      '`capacityProviderStrategy` is empty. Give at least one entry, e.g. [{ capacityProvider: "FARGATE_SPOT" }], or leave it out for on-demand Fargate.',
    ]);
    expect(problems({ runMode: "task", capacityProviderStrategy: [{ capacityProvider: "FARGATE" }] })).to.deep.equal([
      '`capacityProviderStrategy` places a service\'s tasks, but runMode is "task". Remove it, or use runMode "service".',
    ]);
  });
});
