import { expect } from "chai";
import { dockerImageDiff } from "./dockerDiff";
import { changedKeys, pathContains, planStep, processIgnoreChanges, type DiffRule } from "@twitterstream/test-kit/lifecycle/engine";

const NONE = { ignoreChanges: [], replaceOnChanges: [] };
/** A provider that updates every input in place but `name`, which replaces, delete-before-create. */
const NAMED: DiffRule = (olds, news) => {
  const changed = changedKeys(olds, news);
  return { changed, replaces: changed.filter((k) => k === "name"), deleteBeforeReplace: true };
};

describe("planStep: the engine's step for one registration", () => {
  it("creates what has no state, with the program's inputs, ignoreChanges or not", () => {
    expect(planStep(undefined, { a: 1 }, { ignoreChanges: ["a"], replaceOnChanges: [] }, NAMED)).to.deep.equal({
      op: "create",
      changed: [],
      replaces: [],
      deleteBeforeReplace: false,
      inputs: { a: 1 },
    });
  });

  it("same when nothing differs; update when an input the provider updates in place does", () => {
    expect(planStep({ a: 1, b: [1, { c: 2 }] }, { a: 1, b: [1, { c: 2 }] }, NONE, NAMED).op).to.equal("same");
    expect(planStep({ a: 1 }, { a: 2 }, NONE, NAMED)).to.include({ op: "update" });
    expect(planStep({ a: 1 }, { a: 2 }, NONE, NAMED).changed).to.deep.equal(["a"]);
  });

  it("replaces as the provider says, delete-before-create as it asks unless the program's option decides", () => {
    expect(planStep({ name: "x" }, { name: "y" }, NONE, NAMED)).to.include({ op: "replace", deleteBeforeReplace: true });
    expect(planStep({ name: "x" }, { name: "y" }, { ...NONE, deleteBeforeReplace: false }, NAMED)).to.include({ deleteBeforeReplace: false });
  });

  it("ignoreChanges: the old value is diffed and kept on update; a replacement takes the program's value", () => {
    const options = { ignoreChanges: ["flag"], replaceOnChanges: [] };
    expect(planStep({ flag: false, a: 1 }, { flag: true, a: 1 }, options, NAMED).op).to.equal("same");
    const update = planStep({ flag: false, a: 1 }, { flag: true, a: 2 }, options, NAMED);
    expect(update).to.include({ op: "update" });
    expect(update.inputs).to.deep.equal({ flag: false, a: 2 });
    const replace = planStep({ flag: false, name: "x" }, { flag: true, name: "y" }, options, NAMED);
    expect(replace).to.include({ op: "replace" });
    expect(replace.inputs).to.deep.equal({ flag: true, name: "y" });
  });

  it("replaceOnChanges turns an in-place change under its paths into a replacement; `*` covers every input", () => {
    expect(planStep({ a: 1 }, { a: 2 }, { ignoreChanges: [], replaceOnChanges: ["a"] }, NAMED)).to.include({ op: "replace" });
    expect(planStep({ a: 1, b: 1 }, { a: 1, b: 2 }, { ignoreChanges: [], replaceOnChanges: ["a"] }, NAMED)).to.include({ op: "update" });
    expect(planStep({ a: 1, b: 1 }, { a: 1, b: 2 }, { ignoreChanges: [], replaceOnChanges: ["*"] }, NAMED).replaces).to.deep.equal(["b"]);
  });
});

describe("processIgnoreChanges / pathContains / changedKeys", () => {
  it("resets an ignored path to its old value, or removes it where the old inputs had none", () => {
    expect(processIgnoreChanges({ a: 2, b: { c: 3, d: 4 } }, { a: 1, b: { c: 5 } }, ["a", "b.c"])).to.deep.equal({ a: 1, b: { c: 5, d: 4 } });
    expect(processIgnoreChanges({ a: 2 }, {}, ["a"])).to.deep.equal({});
  });

  it("matches paths segment by segment, `*` matching any one segment and what lies below", () => {
    expect(pathContains("*", "skipPush")).to.equal(true);
    expect(pathContains("build", "build.args")).to.equal(true);
    expect(pathContains("build.args", "build")).to.equal(false);
    expect(pathContains("a.*.c", "a.b.c.d")).to.equal(true);
    expect(pathContains("a", "ab")).to.equal(false);
  });

  it("compares deeply, an absent input and an undefined one being the same", () => {
    expect(changedKeys({ a: [1, 2], b: undefined, c: { d: 1 } }, { a: [1, 2], c: { d: 2 } })).to.deep.equal(["c"]);
    expect(changedKeys({ a: [1, 2] }, { a: [2, 1] })).to.deep.equal(["a"]);
  });
});

describe("dockerImageDiff (pulumi-docker's Diff)", () => {
  const image = { imageName: "r:t", skipPush: false, registry: { server: "r", username: "AWS", password: "one" } };
  it("ignores new registry credentials, and sees a new server", () => {
    expect(dockerImageDiff(image, { ...image, registry: { server: "r", username: "AWS", password: "two" } }).changed).to.deep.equal([]);
    expect(dockerImageDiff(image, { ...image, registry: { ...image.registry, server: "s" } }).changed).to.deep.equal(["registry"]);
  });
  it("sees every other input, and never asks for a replacement", () => {
    const diff = dockerImageDiff(image, { ...image, imageName: "r:u", skipPush: true });
    expect(diff).to.deep.equal({ changed: ["imageName", "skipPush"], replaces: [], deleteBeforeReplace: false });
  });
});
