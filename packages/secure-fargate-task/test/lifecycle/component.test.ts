/**
 * The component across a sequence of `pulumi up`s and a `pulumi destroy`, state carried from each to the next: each
 * step's plan as the engine would derive it (see lifecycle.ts), asserted exactly.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { answerInvoke } from "@twitterstream/test-kit/awsFakes";
import { computedState } from "../../src/testing/resources";
import { ACCOUNT, makeContext, PROJECT, REGION } from "@twitterstream/test-kit/mocks";
import { Lifecycle, type Plan } from "./lifecycle";

const SCOPE = { account: ACCOUNT, region: REGION };

/** What an up shows when the image changes: the image and the task definition replaced, the service updated to the new
 * revision, the lifecycle policy put again to protect the new image's tag. */
const IMAGE_CHANGE = [
  "replace aws:ecr/lifecyclePolicy:LifecyclePolicy app-repo-lifecycle",
  "replace aws:ecs/taskDefinition:TaskDefinition app-task",
  "replace docker:index/image:Image app-image",
  "update aws:ecs/service:Service app-service",
];

describe("the component's lifecycle, update after update", function () {
  this.timeout(120_000);
  const context = makeContext({ "app.js": "console.log('A')\n" });
  const stack = new Lifecycle({
    project: PROJECT,
    stack: "dev",
    computedState: (type, name, inputs) => computedState(type, name, inputs, SCOPE),
    answerInvoke: (token, inputs) => answerInvoke(token, inputs, SCOPE),
  });
  let token = "token-1";
  // File delivery: the component builds the secrets init image too.
  const up = async (): Promise<Plan> => {
    const { SecureFargateTask } = await import("../../src");
    return stack.up(
      () => void new SecureFargateTask("app", { image: { context }, secrets: { TOKEN: { value: pulumi.secret(token) } }, secretDelivery: "files" }),
    );
  };
  const setSource = (text: string) => fs.writeFileSync(path.join(context, "app.js"), text);
  let created = 0;

  it("first up: every resource created, nothing refused", async () => {
    const plan = await up();
    expect(plan.failures).to.deep.equal([]);
    expect(plan.steps.filter((s) => s.op !== "create")).to.deep.equal([]);
    created = plan.steps.length;
    expect(stack.registry.pushes).to.have.length(2);
  });

  it("an up with no change: zero changes", async () => {
    expect((await up()).changes).to.deep.equal([]);
  });

  it("a source change: the image and the task definition replaced, the service updated to the new revision, the lifecycle policy put again to protect the new image", async () => {
    setSource("console.log('B')\n");
    const plan = await up();
    expect(plan.changes).to.deep.equal(IMAGE_CHANGE);
    const step = (name: string) => plan.steps.find((s) => s.name === name)!;
    expect(step("app-service").changed).to.deep.equal(["taskDefinition"]);
    expect(step("app-task")).to.include({ deleteBeforeReplace: false });
    expect(step("app-task").replaces).to.deep.equal(["containerDefinitions"]);
    expect(step("app-image").replaces).to.include("imageName");
    // A repository has one lifecycle policy: the old one is deleted before the new one is put (see createLifecyclePolicy).
    expect(step("app-repo-lifecycle")).to.include({ deleteBeforeReplace: true });
  });

  it("the next up: zero changes", async () => {
    expect((await up()).changes).to.deep.equal([]);
  });

  it("a new secret value: a new secret version, task definition revision and deployment", async () => {
    token = "token-2";
    const plan = await up();
    expect(plan.changes).to.deep.equal([
      "replace aws:ecs/taskDefinition:TaskDefinition app-task",
      "replace aws:secretsmanager/secretVersion:SecretVersion app-secrets-version",
      "update aws:ecs/service:Service app-service",
    ]);
    expect((await up()).changes).to.deep.equal([]);
  });

  it("A → B → A: the image resource replaced without a push, A's image run by digest; then zero changes", async () => {
    setSource("console.log('A')\n");
    const plan = await up();
    expect(plan.changes).to.deep.equal(IMAGE_CHANGE);
    expect(stack.registry.pushes, "A, the init image, B: A is not pushed again").to.have.length(3);
    expect(stack.registry.refused).to.deep.equal([]);
    expect((await up()).changes).to.deep.equal([]);
  });

  it("destroy, then up on the same stack: every resource deleted, then created again with no name taken", async () => {
    const destroyed = stack.destroy();
    expect(destroyed.failures).to.deep.equal([]);
    expect(destroyed.steps.filter((s) => s.op !== "delete")).to.deep.equal([]);
    expect(destroyed.steps).to.have.length(created);
    const again = await up();
    expect(again.failures).to.deep.equal([]);
    expect(again.steps.filter((s) => s.op !== "create")).to.deep.equal([]);
    expect(again.steps).to.have.length(created);
  });
});
