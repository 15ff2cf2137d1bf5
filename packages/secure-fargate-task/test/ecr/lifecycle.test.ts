/**
 * The repository's lifecycle policy against ECR's documented evaluation (lifecycleModel.ts): the image the task
 * definition runs survives, even when it was reused by digest after a revert and is the oldest in the repository.
 */
import { expect } from "chai";
import { lifecyclePolicy, type LifecycleRule } from "../../src/image/lifecycle";
import { TAG_PREFIXES } from "../../src/image/image";
import { REPOSITORY, runComponent } from "../runComponent";
import { expiredImages, selects, type StoredImage } from "./lifecycleModel";

const PREFIXES = Object.values(TAG_PREFIXES);
const rule = (priority: number, selection: LifecycleRule["selection"]): LifecycleRule => ({
  rulePriority: priority,
  description: "",
  selection,
  action: { type: "expire" },
});
const image = (name: string, day: number, tags = [`src-${name}`]): StoredImage => ({ digest: `sha256:${name}`, tags, pushedAtDay: day });

describe("ECR's lifecycle evaluation (the model)", () => {
  it("imageCountMoreThan keeps the youngest by push time and expires the rest", () => {
    const images = [image("a", 1), image("b", 3), image("c", 2)];
    const expired = expiredImages(
      [rule(1, { tagStatus: "tagged", tagPrefixList: ["src-"], countType: "imageCountMoreThan", countNumber: 2 })],
      images,
      5,
    );
    expect([...expired]).to.deep.equal(["sha256:a"]);
  });

  it("sinceImagePushed expires what was pushed more than countNumber days ago", () => {
    const images = [image("a", 1), image("b", 8)];
    const expired = expiredImages(
      [rule(1, { tagStatus: "tagged", tagPrefixList: ["src-"], countType: "sinceImagePushed", countUnit: "days", countNumber: 5 })],
      images,
      10,
    );
    expect([...expired]).to.deep.equal(["sha256:a"]);
  });

  it("selects by tag status, by every prefix, and by patterns with wildcards", () => {
    const tagged = image("x", 0, ["src-1", "prod"]);
    const untagged = image("y", 0, []);
    const count = { countType: "imageCountMoreThan", countNumber: 1 } as const;
    expect(selects(rule(1, { tagStatus: "untagged", ...count }), untagged)).to.equal(true);
    expect(selects(rule(1, { tagStatus: "untagged", ...count }), tagged)).to.equal(false);
    expect(selects(rule(1, { tagStatus: "any", ...count }), untagged)).to.equal(true);
    expect(selects(rule(1, { tagStatus: "tagged", tagPrefixList: ["src-", "prod"], ...count }), tagged)).to.equal(true);
    expect(selects(rule(1, { tagStatus: "tagged", tagPrefixList: ["src-", "dev"], ...count }), tagged)).to.equal(false);
    expect(selects(rule(1, { tagStatus: "tagged", tagPatternList: ["src-*"], ...count }), tagged)).to.equal(true);
    expect(selects(rule(1, { tagStatus: "tagged", tagPatternList: ["src-1"], ...count }), tagged)).to.equal(true);
    expect(selects(rule(1, { tagStatus: "tagged", tagPatternList: ["src-"], ...count }), tagged)).to.equal(false);
  });

  it("never lets a lower-priority rule expire an image a higher-priority rule selects, which it still counts", () => {
    const images = [image("old", 0), image("b", 1), image("c", 2)];
    const rules = [
      rule(1, { tagStatus: "tagged", tagPatternList: ["src-old"], countType: "imageCountMoreThan", countNumber: 1 }),
      rule(2, { tagStatus: "tagged", tagPrefixList: ["src-"], countType: "imageCountMoreThan", countNumber: 1 }),
    ];
    // Rule 2 sees c, b, old: b and old are past its count; old is rule 1's.
    expect([...expiredImages(rules, images, 3)]).to.deep.equal(["sha256:b"]);
  });
});

describe("the repository's lifecycle policy keeps the image the task runs", () => {
  // Push A, then ten builds B..K, one a day; then revert the sources to A: the tag exists, so A is run by digest and
  // keeps its push time of day 0, the oldest image in the repository.
  const builds = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"].map((name, day) => image(name, day));

  it("with the count rule alone (the policy before), ECR expires A while the service runs it", () => {
    const before = lifecyclePolicy(10, PREFIXES, []).rules;
    expect([...expiredImages(before, [...builds, image("L", 11)], 12)]).to.include("sha256:A");
  });

  it("with A's tag protected, A survives any number of newer builds, and the count still expires the others", () => {
    const policy = lifecyclePolicy(10, PREFIXES, ["src-A"]).rules;
    expect([...expiredImages(policy, builds, 11)]).to.deep.equal([]);
    const more = [...builds, image("L", 11), image("M", 12)];
    expect([...expiredImages(policy, more, 13)].sort()).to.deep.equal(["sha256:B", "sha256:C"]);
  });

  it("protects each running tag once, before the count rules", () => {
    expect(lifecyclePolicy(3, PREFIXES, ["src-a", "init-b", "src-a"]).rules.map((r) => [r.rulePriority, r.selection])).to.deep.equal([
      [1, { tagStatus: "tagged", tagPatternList: ["src-a"], countType: "imageCountMoreThan", countNumber: 1 }],
      [2, { tagStatus: "tagged", tagPatternList: ["init-b"], countType: "imageCountMoreThan", countNumber: 1 }],
      [3, { tagStatus: "tagged", tagPrefixList: ["src-"], countType: "imageCountMoreThan", countNumber: 3 }],
      [4, { tagStatus: "tagged", tagPrefixList: ["init-"], countType: "imageCountMoreThan", countNumber: 3 }],
    ]);
  });

  it("the component protects the tags of the images its task definition runs, and puts the policy after the service", async () => {
    const { run } = await runComponent({ secretDelivery: "files" });
    const tagOf = (name: string) => String(run.get("docker:index/image:Image", name).inputs.imageName).split(`${REPOSITORY}:`)[1];
    const lifecycle = run.get("aws:ecr/lifecyclePolicy:LifecyclePolicy", "app-repo-lifecycle");
    const rules = (JSON.parse(String(lifecycle.inputs.policy)) as { rules: LifecycleRule[] }).rules;
    expect(rules.slice(0, 2).map((r) => r.selection.tagPatternList)).to.deep.equal([[tagOf("app-image")], [tagOf("app-init-image")]]);
    const service = run.resources.find((r) => r.name === "app-service")!.urn;
    expect(run.registrations.find((r) => r.name === "app-repo-lifecycle")!.dependencies).to.include(service);
  });
});
