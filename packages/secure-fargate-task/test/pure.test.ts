import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { contentTag, dockerignorePath, isIgnored, listEntries, readDockerignore } from "../src/image/buildContext";
import { secretValueFrom } from "../src/ecs/containerDefinition";
import { cpuForMemory, FARGATE_CPU_VALUES, fargateMemoryValues, isFargateSize } from "../src/ecs/fargate";
import { deriveNames, fit, keyedRepositoryName } from "../src/names";
import { executionRolePolicy } from "../src/iam/policies";
import { lifecyclePolicy } from "../src/image/lifecycle";
import { makeContext } from "@twitterstream/test-kit/mocks";

describe("Fargate sizes", () => {
  it("offers the documented pairs", () => {
    expect(fargateMemoryValues(256)).to.deep.equal([512, 1024, 2048]);
    expect(fargateMemoryValues(512)).to.deep.equal([1024, 2048, 3072, 4096]);
    expect(fargateMemoryValues(4096)).to.have.length(23);
    expect(fargateMemoryValues(8192)[0]).to.equal(16384);
    expect(fargateMemoryValues(8192).at(-1)).to.equal(61440);
    expect(fargateMemoryValues(16384).at(-1)).to.equal(122880);
    expect(FARGATE_CPU_VALUES).to.deep.equal([256, 512, 1024, 2048, 4096, 8192, 16384]);
    expect(isFargateSize(2048, 4096)).to.equal(true);
    expect(isFargateSize(2048, 2048)).to.equal(false);
    expect(cpuForMemory(30720)).to.equal(4096);
    expect(cpuForMemory(700)).to.equal(undefined);
  });
});

describe("derived names", () => {
  it("scopes by project and stack, and sanitises for each service's rules", () => {
    expect(deriveNames("twitterstream", "dev", "app")).to.deep.equal({
      logGroup: "/ecs/twitterstream/dev/app",
      repository: "twitterstream/dev/app",
      family: "twitterstream-dev-app",
      secretPrefix: "twitterstream/dev/app/",
      keyAlias: "alias/twitterstream/dev/app",
      bucketPrefix: "twitterstream-dev-app-",
      rotationLogGroup: "/ecs/twitterstream/dev/app/rotation",
      rotationRule: "twitterstream-dev-app-rotation",
      accessLogBucketPrefix: "twitterstream-dev-app-logs-",
      label: "twitterstream/dev/app",
    });
    const longish = deriveNames("A-very-long-project-name", "production", "stream-reader");
    expect(longish.bucketPrefix).to.equal("a-very-long-project-name-production-");
    expect(longish.accessLogBucketPrefix).to.equal("a-very-long-project-name-produc-logs-");
    expect(longish.accessLogBucketPrefix).to.have.length.at.most(37);
    expect(longish.rotationRule).to.equal("A-very-long-project-name-production-stream-reader-rotation");
    const odd = deriveNames("My.Project", "Prod__EU", "Stream-1");
    expect(odd.repository).to.equal("my.project/prod-eu/stream-1");
    expect(odd.repository).to.match(/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/);
    expect(odd.family).to.match(/^[A-Za-z0-9_-]+$/);
    expect(odd.logGroup).to.equal("/ecs/My-Project/Prod__EU/Stream-1");
    expect(odd.bucketPrefix).to.equal("my-project-prod-eu-stream-1-");
    expect(odd.rotationRule).to.equal("My-Project-Prod__EU-Stream-1-rotation");
    const long = deriveNames("p".repeat(40), "s".repeat(40), "app").rotationRule;
    expect(long).to.have.length(64);
    expect(long).to.match(/^[.\-_A-Za-z0-9]+$/);
  });
  it("shortens the repository and the label of the longest project and stack names, keeping them distinct", () => {
    const long = (c: string) => c.repeat(100);
    const a = deriveNames(long("p"), long("s"), "app");
    const b = deriveNames(long("p"), `${long("s").slice(1)}t`, "app");
    expect(a.repository.length).to.be.at.most(110);
    expect(a.repository).to.match(/^p{100}-[0-9a-f]{8}$/);
    expect(a.repository).to.not.equal(b.repository);
    expect(a.label.length).to.be.at.most(100);
    expect(a.label).to.not.equal(b.label);
  });
  it("names the repository from its key, so that a new key (which replaces the repository) gives a new name", () => {
    const one = keyedRepositoryName("proj/dev/app", "arn:aws:kms:eu-west-1:123456789012:key/1111");
    expect(one).to.match(/^proj\/dev\/app-[0-9a-f]{8}$/);
    expect(keyedRepositoryName("proj/dev/app", "arn:aws:kms:eu-west-1:123456789012:key/1111")).to.equal(one);
    expect(keyedRepositoryName("proj/dev/app", "arn:aws:kms:eu-west-1:123456789012:key/2222")).to.not.equal(one);
  });
  it("fits a text by cutting it, trimming what may not end it, and adding a hash of the whole", () => {
    expect(fit("short", 10, /-+$/)).to.equal("short");
    const cut = fit("abc-----defghijklmnop", 12, /-+$/);
    expect(cut).to.match(/^abc-[0-9a-f]{8}$/);
    expect(cut.length).to.be.at.most(12);
  });
});

describe("secret valueFrom", () => {
  const arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:appauth-AbCdEf";
  it("keeps the colons of the documented format", () => {
    expect(secretValueFrom({ secretArn: arn, versionId: "v1" })).to.equal(`${arn}:::v1`);
    expect(secretValueFrom({ secretArn: arn, jsonKey: "username", versionId: "v1" })).to.equal(`${arn}:username::v1`);
    expect(secretValueFrom({ secretArn: arn, versionStage: "AWSCURRENT" })).to.equal(`${arn}::AWSCURRENT:`);
  });
  it("refuses a stage and a version id together", () => {
    expect(() => secretValueFrom({ secretArn: arn, versionId: "v", versionStage: "AWSCURRENT" })).to.throw("not both");
  });
});

describe("execution role policy", () => {
  it("pulls only when there is a repository", () => {
    const doc = executionRolePolicy({ repositoryArns: [], logGroupArn: "l", secretStatements: [] });
    expect(doc.Statement.map((s) => s.Sid)).to.deep.equal(["WriteLogs"]);
  });
  it("keeps the n most recent images of each prefix", () => {
    expect(lifecyclePolicy(3, ["src-", "init-"], []).rules).to.deep.equal([
      {
        rulePriority: 1,
        description: "Keep the 3 most recent src-* images",
        selection: { tagStatus: "tagged", tagPrefixList: ["src-"], countType: "imageCountMoreThan", countNumber: 3 },
        action: { type: "expire" },
      },
      {
        rulePriority: 2,
        description: "Keep the 3 most recent init-* images",
        selection: { tagStatus: "tagged", tagPrefixList: ["init-"], countType: "imageCountMoreThan", countNumber: 3 },
        action: { type: "expire" },
      },
    ]);
  });
});

describe("build context tag", () => {
  it("follows content, Dockerfile, platform and build args, and ignores what .dockerignore leaves out", () => {
    const dir = makeContext({
      ".dockerignore": "node_modules\n**/*.log\n!keep.log\n",
      "node_modules/x/index.js": "1",
      "debug.log": "x",
      "keep.log": "k",
      "src/a.ts": "a",
    });
    const dockerfile = path.join(dir, "Dockerfile");
    expect(listEntries(dir, readDockerignore(dir)).map((e) => e.path)).to.deep.equal([
      ".dockerignore",
      "Dockerfile",
      "app.js",
      "keep.log",
      "src/a.ts",
    ]);
    const tag = contentTag(dir, dockerfile, "linux/amd64", {});
    expect(tag).to.match(/^[0-9a-f]{24}$/);
    expect(contentTag(dir, dockerfile, "linux/amd64", {})).to.equal(tag);
    fs.writeFileSync(path.join(dir, "node_modules/x/index.js"), "2");
    fs.writeFileSync(path.join(dir, "debug.log"), "y");
    expect(contentTag(dir, dockerfile, "linux/amd64", {}), "ignored files").to.equal(tag);
    expect(contentTag(dir, dockerfile, "linux/arm64", {}), "platform").to.not.equal(tag);
    expect(contentTag(dir, dockerfile, "linux/amd64", { A: "1" }), "build args").to.not.equal(tag);
    fs.writeFileSync(path.join(dir, "src/a.ts"), "b");
    expect(contentTag(dir, dockerfile, "linux/amd64", {}), "source").to.not.equal(tag);
  });
  it("changes with a file's mode alone, as the image does (a chmod +x is a new image)", () => {
    const dir = makeContext();
    const dockerfile = path.join(dir, "Dockerfile");
    fs.chmodSync(path.join(dir, "app.js"), 0o644);
    const tag = contentTag(dir, dockerfile, "linux/amd64", {});
    fs.chmodSync(path.join(dir, "app.js"), 0o755);
    expect(contentTag(dir, dockerfile, "linux/amd64", {})).to.not.equal(tag);
    fs.chmodSync(path.join(dir, "app.js"), 0o644);
    expect(contentTag(dir, dockerfile, "linux/amd64", {})).to.equal(tag);
  });
  it("hashes a symlink as the path it points to, which Docker sends, not the target's content", () => {
    const dir = makeContext({ "a.txt": "a", "b.txt": "b" });
    const dockerfile = path.join(dir, "Dockerfile");
    fs.symlinkSync("a.txt", path.join(dir, "current"));
    const tag = contentTag(dir, dockerfile, "linux/amd64", {});
    expect(listEntries(dir, []).find((e) => e.path === "current")!.kind).to.equal("link");
    fs.unlinkSync(path.join(dir, "current"));
    fs.symlinkSync("b.txt", path.join(dir, "current"));
    expect(contentTag(dir, dockerfile, "linux/amd64", {})).to.not.equal(tag);
  });
  it("uses <Dockerfile>.dockerignore in preference to the context's .dockerignore, as BuildKit does", () => {
    const dir = makeContext({ ".dockerignore": "*.log\n", "debug.log": "x", "notes.md": "n" });
    const dockerfile = path.join(dir, "Dockerfile");
    expect(dockerignorePath(dir, dockerfile)).to.equal(path.join(dir, ".dockerignore"));
    const withContextIgnore = contentTag(dir, dockerfile, "linux/amd64", {});
    fs.writeFileSync(`${dockerfile}.dockerignore`, "*.md\n");
    expect(dockerignorePath(dir, dockerfile)).to.equal(`${dockerfile}.dockerignore`);
    const withOwnIgnore = contentTag(dir, dockerfile, "linux/amd64", {});
    expect(withOwnIgnore).to.not.equal(withContextIgnore);
    fs.writeFileSync(path.join(dir, "debug.log"), "now in the image");
    expect(contentTag(dir, dockerfile, "linux/amd64", {}), "debug.log is sent now").to.not.equal(withOwnIgnore);
    const afterLog = contentTag(dir, dockerfile, "linux/amd64", {});
    fs.writeFileSync(path.join(dir, "notes.md"), "ignored now");
    expect(contentTag(dir, dockerfile, "linux/amd64", {}), "notes.md is not sent").to.equal(afterLog);
  });
  it("matches patterns the way Docker does", () => {
    const rules = readDockerignore(makeContext({ ".dockerignore": "/dist\n*.md\ntest/**\n!test/keep.ts\n" }));
    expect(isIgnored("dist/a.js", rules)).to.equal(true);
    expect(isIgnored("README.md", rules)).to.equal(true);
    expect(isIgnored("docs/README.md", rules)).to.equal(false);
    expect(isIgnored("test/a.ts", rules)).to.equal(true);
    expect(isIgnored("test/keep.ts", rules)).to.equal(false);
    expect(isIgnored("src/test.ts", rules)).to.equal(false);
  });
});
