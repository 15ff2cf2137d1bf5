import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { packedPackage } from "./packed";

interface ConsumerResult {
  resolved: string;
  named: string[];
  error: string;
}

describe("the packed package, installed in a fresh project outside the workspace", function () {
  this.timeout(180_000);
  let consumer = "";
  let files: string[] = [];

  before(() => {
    const packed = packedPackage();
    files = packed.files;
    consumer = packed.consumer;
    fs.mkdirSync(path.join(consumer, "app"), { recursive: true });
    fs.writeFileSync(path.join(consumer, "app", "Dockerfile"), "FROM node:22-slim\nCOPY app.js /app/app.js\n");
    fs.writeFileSync(path.join(consumer, "app", "app.js"), "console.log(1)\n");
  });

  function runConsumer(delivery: "environment" | "files"): ConsumerResult {
    // tsx by its path: the consumer project has none of the workspace's dev tools.
    const tsx = pathToFileURL(require.resolve("tsx")).href;
    const stdout = execFileSync(process.execPath, ["--import", tsx, path.join(__dirname, "consumer.ts"), delivery], {
      cwd: consumer,
      encoding: "utf8",
    });
    return JSON.parse(stdout.trim().split("\n").pop()!) as ConsumerResult;
  }

  it("ships compiled JavaScript and declarations, the init image's context and the rotation function, and no tests", () => {
    expect(files).to.include.members([
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/init/src/spec.js",
      "init/Dockerfile",
      "init/package-lock.json",
      "init/src/main.ts",
      "src/secrets/rotation/restartService.js",
      "package.json",
    ]);
    expect(files.filter((f) => f.startsWith("test/") || f.startsWith("scripts/"))).to.deep.equal([]);
  });

  it("holds every file its Markdown links to, and no link leads out of the package", () => {
    const markdown = files.filter((f) => f.endsWith(".md"));
    expect(markdown).to.include.members(["README.md", "REFERENCE.md", "CHANGELOG.md"]);
    const broken: string[] = [];
    for (const doc of markdown) {
      const text = fs.readFileSync(path.join(packedPackage().installed, doc), "utf8");
      // Inline links [text](target) and reference definitions [n]: target; URLs and in-page anchors aside.
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g), ...text.matchAll(/^\[[^\]]+\]:\s+(\S+)/gm)].map((m) => m[1]);
      for (const target of targets.filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith("#"))) {
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(doc), target.split("#")[0]));
        if (file.startsWith("../") || !files.some((f) => f === file || f.startsWith(`${file}/`))) broken.push(`${doc}: ${target}`);
      }
    }
    expect(broken).to.deep.equal([]);
  });

  it("ships its licence, and is ready for npm publish: not private, its version the CHANGELOG's latest release", () => {
    expect(files).to.include.members(["LICENSE", "README.md", "CHANGELOG.md"]);
    const licence = fs.readFileSync(path.join(packedPackage().installed, "LICENSE"), "utf8");
    expect(licence).to.match(/^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
    const pkg = JSON.parse(fs.readFileSync(path.join(packedPackage().installed, "package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg.license).to.equal("Apache-2.0");
    expect(pkg.private).to.equal(undefined);
    expect(pkg.keywords).to.include.members(["pulumi", "aws", "fargate", "ecs", "secrets-manager"]);
    const changelog = fs.readFileSync(path.join(packedPackage().installed, "CHANGELOG.md"), "utf8");
    const latest = /^## (\d+\.\d+\.\d+)$/m.exec(changelog)![1];
    expect(pkg.version).to.equal(latest);
  });

  it("is a plugin `pulumi package add` can read unpacked: PulumiPlugin.yaml's runtime, the entry's component, the schema its sources give", async () => {
    // https://www.pulumi.com/docs/reference/pulumiplugin-yaml/: `runtime` is required (`nodejs` for TypeScript), `main`
    // only where the entry point cannot be found (here package.json's `exports`).
    expect(parse(fs.readFileSync(path.join(packedPackage().installed, "PulumiPlugin.yaml"), "utf8"))).to.deep.equal({ runtime: "nodejs" });
    // What @pulumi/pulumi's plugin runner (cmd/run-plugin/run.js) does with the plugin's folder: require it, take the
    // components it exports, name the provider from package.json, and hand the folder to ComponentProvider, whose
    // analyzer derives the schema from the TypeScript sources there (src/index.ts when the entry has no .ts beside it).
    const { ComponentProvider, getPulumiComponents } = await import("@pulumi/pulumi/provider/experimental");
    const installed = packedPackage().installed;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- as the plugin runner loads it: require(<plugin folder>)
    const components = getPulumiComponents(require(installed) as unknown);
    expect(components.map((c) => c.name)).to.deep.equal(["SecureFargateTask"]);
    const { name } = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")) as { name: string };
    const schema = await new ComponentProvider({ name, dirname: installed, components }).getSchema();
    expect(JSON.parse(schema)).to.deep.equal(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schema.json"), "utf8")));
  });

  for (const delivery of ["environment", "files"] as const) {
    it(`works by package name in ${delivery} delivery, every file and build context it names inside the installed package or the project`, () => {
      const result = runConsumer(delivery);
      expect(result.error).to.equal("");
      expect(fs.realpathSync(result.resolved)).to.equal(
        fs.realpathSync(path.join(consumer, "node_modules", "secure-fargate-task", "dist", "src", "index.js")),
      );
      expect(result.named).to.include("app");
      if (delivery === "files") {
        expect(result.named.map((p) => path.resolve(consumer, p))).to.include(path.join(consumer, "node_modules", "secure-fargate-task", "init"));
      }
      const handler = result.named.find((p) => p.endsWith("restartService.js"))!;
      expect(handler.startsWith(path.join(consumer, "node_modules", "secure-fargate-task"))).to.equal(true);
      for (const p of result.named) expect(fs.existsSync(path.resolve(consumer, p)), p).to.equal(true);
    });
  }
});
