import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { existingDigest, imageReference } from "../src/image/image";
import { FakeRegistry } from "./fakeRegistry";
import { makeContext, resolve } from "@twitterstream/test-kit/mocks";
import { mockRun } from "./mockRun";
import type { Registration } from "@twitterstream/test-kit/platform/registration";

/** One `pulumi up` of the component against the registry, as it stands; returns what the task runs and the Image's inputs. */
async function up(registry: FakeRegistry, context: string): Promise<{ imageRef: string; skipPush: unknown; imageName: string }> {
  const { SecureFargateTask } = await import("../src");
  let imageRef: pulumi.Output<string> | undefined;
  const run = await mockRun(
    () => {
      imageRef = new SecureFargateTask("app", { image: { context }, secrets: { TOKEN: { value: pulumi.secret("t") } } }).imageRef;
    },
    { registry },
  );
  const image = run.get("docker:index/image:Image", "app-image").inputs;
  return { imageRef: await resolve(imageRef!), skipPush: image.skipPush, imageName: String(image.imageName) };
}

describe("images in a repository with immutable tags, across updates", () => {
  it("A → B → A: reuses A's image by digest instead of pushing A's tag again", async () => {
    const registry = new FakeRegistry();
    const context = makeContext({ "app.js": "console.log('A')\n" });
    const a = await up(registry, context);
    fs.writeFileSync(path.join(context, "app.js"), "console.log('B')\n");
    const b = await up(registry, context);
    fs.writeFileSync(path.join(context, "app.js"), "console.log('A')\n");
    const again = await up(registry, context);
    expect(registry.refused).to.deep.equal([]);
    expect(registry.pushes).to.deep.equal([a.imageName, b.imageName]);
    expect(again.imageName).to.equal(a.imageName);
    expect(again.skipPush).to.equal(true);
    expect(again.imageRef).to.equal(a.imageRef);
    expect(b.imageRef).to.not.equal(a.imageRef);
    expect(a.imageRef).to.match(/@sha256:[0-9a-f]{64}$/);
  });

  it("chmod only: a new image under a new tag, pushed once, never a refused push", async () => {
    const registry = new FakeRegistry();
    const context = makeContext();
    fs.chmodSync(path.join(context, "app.js"), 0o644);
    const before = await up(registry, context);
    fs.chmodSync(path.join(context, "app.js"), 0o755);
    const after = await up(registry, context);
    expect(registry.refused).to.deep.equal([]);
    expect(after.imageName).to.not.equal(before.imageName);
    expect(after.imageRef, "the mode is in the image: the task runs the new one").to.not.equal(before.imageRef);
    expect(registry.pushes).to.deep.equal([before.imageName, after.imageName]);
  });

  it("an update interrupted after its push: the next update finds the tag and runs that image", async () => {
    const registry = new FakeRegistry();
    const context = makeContext();
    const first = await up(registry, context);
    registry.interrupt("app-image");
    const retried = await up(registry, context);
    expect(registry.refused).to.deep.equal([]);
    expect(registry.pushes).to.deep.equal([first.imageName]);
    expect(retried.imageRef).to.equal(first.imageRef);
  });

  it("an update to a new tag interrupted after its push (the state still holds the old tag): the retry does not push again", async () => {
    const registry = new FakeRegistry();
    const context = makeContext({ "app.js": "console.log('A')\n" });
    const a = await up(registry, context);
    fs.writeFileSync(path.join(context, "app.js"), "console.log('B')\n");
    const b = await up(registry, context);
    registry.interrupt("app-image");
    const retried = await up(registry, context);
    expect(registry.refused).to.deep.equal([]);
    expect(registry.pushes).to.deep.equal([a.imageName, b.imageName]);
    expect(retried.imageRef).to.equal(b.imageRef);
  });

  it("a @pulumi/docker upgrade that hashes the context differently rebuilds without pushing", async () => {
    const registry = new FakeRegistry();
    const context = makeContext();
    const first = await up(registry, context);
    registry.hashVersion = 2;
    const upgraded = await up(registry, context);
    expect(registry.refused).to.deep.equal([]);
    expect(registry.builds).to.have.length(2);
    expect(registry.pushes).to.have.length(1);
    expect(upgraded.imageRef).to.equal(first.imageRef);
  });

  it("an unchanged source: nothing built, nothing pushed, the same image", async () => {
    const registry = new FakeRegistry();
    const context = makeContext();
    const first = await up(registry, context);
    const second = await up(registry, context);
    const third = await up(registry, context);
    expect(registry.refused).to.deep.equal([]);
    expect(registry.pushes).to.have.length(1);
    expect(registry.builds).to.deep.equal(["app-image"]);
    expect([second.imageRef, third.imageRef]).to.deep.equal([first.imageRef, first.imageRef]);
  });

  it("the up after a push, of the app image and of the init image, registers the same inputs but what ignoreChanges names", async () => {
    const registry = new FakeRegistry();
    const context = makeContext();
    const images = ["app-image", "app-init-image"];
    const { SecureFargateTask } = await import("../src");
    // File delivery: the component builds the init image too.
    const upWithInit = () =>
      mockRun(
        () => void new SecureFargateTask("app", { image: { context }, secrets: { TOKEN: { value: pulumi.secret("t") } }, secretDelivery: "files" }),
        {
          registry,
        },
      );
    const pushing = await upWithInit();
    const next = await upWithInit();
    for (const name of images) {
      const before = pushing.registrations.find((r) => r.name === name)!;
      const after = next.registrations.find((r) => r.name === name)!;
      const ignored = new Set(after.ignoreChanges);
      const compared = (r: Registration) => Object.fromEntries(Object.entries(r.serialized).filter(([k]) => !ignored.has(k)));
      expect(compared(after), name).to.deep.equal(compared(before));
      expect(registry.steps.get(name)?.op, name).to.equal("same");
    }
    expect(registry.pushes).to.have.length(2);
    expect(registry.builds, "nothing rebuilt on the up after the push").to.deep.equal(images);
  });

  it("a new tag replaces the image resource, which takes this update's skipPush: pushed when new, not when ECR holds it", async () => {
    const registry = new FakeRegistry();
    const context = makeContext({ "app.js": "console.log('A')\n" });
    await up(registry, context);
    fs.writeFileSync(path.join(context, "app.js"), "console.log('B')\n");
    await up(registry, context);
    expect(registry.steps.get("app-image")).to.include({ op: "replace", deleteBeforeReplace: false });
    expect(registry.steps.get("app-image")?.inputs.skipPush).to.equal(false);
    fs.writeFileSync(path.join(context, "app.js"), "console.log('A')\n");
    await up(registry, context);
    expect(registry.steps.get("app-image")?.op).to.equal("replace");
    expect(registry.steps.get("app-image")?.inputs.skipPush, "A's tag is in ECR").to.equal(true);
    await up(registry, context);
    expect(registry.steps.get("app-image")?.op).to.equal("same");
    expect(registry.refused).to.deep.equal([]);
    expect(registry.pushes).to.have.length(2);
  });

  it("the fake registry refuses a second push of a tag, as ECR does (the model the scenarios rely on)", () => {
    const registry = new FakeRegistry();
    const context = makeContext();
    const inputs = {
      imageName: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/r:t",
      build: { context, dockerfile: path.join(context, "Dockerfile") },
    };
    registry.image("one", inputs);
    registry.image("two", inputs);
    expect(registry.pushes).to.have.length(1);
    expect(registry.refused).to.have.length(1);
    expect(registry.refused[0]).to.include("ImageTagAlreadyExistsException");
  });
});

describe("existingDigest / imageReference", () => {
  const images = [{ imageTag: "src-a", imageDigest: "sha256:aa" }, { imageDigest: "sha256:bb" }, { imageTag: "src-c", imageDigest: "sha256:cc" }];
  it("finds the digest of a tag the repository holds, and none for another", () => {
    expect(existingDigest(images, "src-c")).to.equal("sha256:cc");
    expect(existingDigest(images, "src-b")).to.equal(undefined);
  });
  it("runs the existing image by digest, or else the pushed one", () => {
    expect(imageReference("acct.dkr.ecr.r.amazonaws.com/p", "sha256:cc", "")).to.equal("acct.dkr.ecr.r.amazonaws.com/p@sha256:cc");
    expect(imageReference("u", undefined, "u@sha256:dd")).to.equal("u@sha256:dd");
  });
});
