/**
 * Every fenced code block of every Markdown file in the repository is checked (conventions: test/docs/README.md):
 * TypeScript compiles against the packed package; Python, Go, C# and YAML use the names in schema.json; JSON parses;
 * each shell command is an npm script that exists, with flags its `--help` lists, or is marked as needing Pulumi or
 * AWS.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { packedPackage } from "../../packages/secure-fargate-task/test/pack/packed";
import { Block, blocksOf, repositoryBlocks, ROOT, where } from "./markdown";
import { checkAgainstSchema, Schema, SCHEMA_CHECKED } from "./schemaNames";
import { checkShell, ShellContext } from "./shell";
import { compileBlocks, RESOLUTIONS } from "./typescript";

const TYPESCRIPT = ["ts", "typescript"];
const SHELL = ["sh", "bash", "shell"];
/** Languages shown but not checked: a diagram, and JSON with comments that is a piece of a larger document. */
const UNCHECKED = ["mermaid", "jsonc"];

/** The component README's first example as 0.2.0 shipped it: a secret given as an Output, not `{ value }` (TS2559). */
const KNOWN_BAD: Block = blocksOf(
  "test/docs/docBlocks.test.ts",
  [
    "```ts",
    'import * as pulumi from "@pulumi/pulumi";',
    'import { SecureFargateTask } from "secure-fargate-task";',
    "const cfg = new pulumi.Config();",
    'new SecureFargateTask("api", { image: { context: "./app" }, secrets: { DB_PASSWORD: cfg.requireSecret("dbPassword") } });',
    "```",
  ].join("\n"),
)[0];

describe("every code block in the repository's Markdown", function () {
  this.timeout(600_000);
  const blocks = repositoryBlocks();
  const of = (langs: string[]): Block[] => blocks.filter((b) => langs.includes(b.lang));

  it("finds the component README's examples, and every block has a language this test checks or knowingly skips", () => {
    expect(of(TYPESCRIPT).filter((b) => b.file === "packages/secure-fargate-task/README.md")).to.not.be.empty;
    const known = [...TYPESCRIPT, ...SHELL, ...SCHEMA_CHECKED, "json", ...UNCHECKED];
    expect(blocks.filter((b) => !known.includes(b.lang)).map((b) => `${where(b)}: \`\`\`${b.lang}`)).to.deep.equal([]);
  });

  describe("TypeScript, compiled against the package as npm pack makes it", () => {
    const results = new Map<string, ReturnType<typeof compileBlocks>>();
    before(() => {
      const { consumer } = packedPackage();
      for (const [resolution, options] of Object.entries(RESOLUTIONS)) {
        results.set(resolution, compileBlocks([...of(TYPESCRIPT), KNOWN_BAD], consumer, options));
      }
    });

    for (const resolution of Object.keys(RESOLUTIONS)) {
      it(`${resolution}: the compiler options are valid, and the check fails on a known bad example (TS2559)`, () => {
        const { errors, global } = results.get(resolution)!;
        expect(global).to.deep.equal([]);
        expect(errors.get(KNOWN_BAD)!.join("\n")).to.match(/docBlocks\.test\.ts:5: TS2559 /);
      });
      for (const block of of(TYPESCRIPT)) {
        it(`${where(block)} compiles (${resolution})`, () => {
          expect(results.get(resolution)!.errors.get(block)).to.deep.equal([]);
        });
      }
    }
  });

  describe("Python, Go, C# and YAML, held to schema.json's names", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "packages/secure-fargate-task/schema.json"), "utf8")) as Schema;

    const BAD: Record<string, [string, RegExp[]]> = {
      python: [
        'import pulumi_secure_fargate_task as sft\napp = sft.SecureFargateTask("a", imag=sft.ImageArgsArgs(Context="x"))\npulumi.export("s", app.service)',
        [/no property imag\b/, /no property Context\b/, /no output service\b/],
      ],
      go: [
        'sft.NewSecureFargateTask(ctx, "a", &sft.SecureFargateTaskArgs{\n\tSecrets: map[string]sft.SecretRefArgsArgs{"A": {Valu: x}},\n\timage: nil,\n})',
        [/no property Valu\b/, /no property image\b/],
      ],
      csharp: [
        'new SecureFargateTask.SecureFargateTask("a", new()\n{\n    Image = new ImageArgs { Context = "x" },\n});',
        [/ImageArgs is neither/],
      ],
      yaml: [
        "resources:\n  a:\n    type: secure-fargate-task:SecureFargateTask\n    properties:\n      image: { contxt: x }",
        [/a\.image has no property contxt/],
      ],
    };
    for (const [lang, [code, expected]] of Object.entries(BAD)) {
      it(`catches a property, a type or an output the schema lacks, or a wrong case (${lang})`, () => {
        const problems = checkAgainstSchema(blocksOf("x.md", `\`\`\`${lang}\n${code}\n\`\`\``)[0], schema).join("\n");
        for (const e of expected) expect(problems).to.match(e);
      });
    }

    for (const block of of(SCHEMA_CHECKED)) {
      it(`${where(block)} (${block.lang}) uses only the schema's resource, types and properties`, () => {
        expect(checkAgainstSchema(block, schema)).to.deep.equal([]);
      });
    }
  });

  describe("JSON parses", () => {
    for (const block of of(["json"])) {
      it(`${where(block)}`, () => {
        expect(() => JSON.parse(block.code) as unknown).to.not.throw();
      });
    }
  });

  describe("shell: npm scripts that exist with the flags their --help lists, or marked as needing Pulumi or AWS", () => {
    const helps = new Map<string, string>();
    const context: ShellContext = {
      scripts: Object.fromEntries(
        ["", "service", "infra", "packages/secure-fargate-task", "packages/policy-pack"].map((w) => [
          w,
          (JSON.parse(fs.readFileSync(path.join(ROOT, w, "package.json"), "utf8")) as { scripts?: Record<string, string> }).scripts ?? {},
        ]),
      ),
      help: (workspace, script) => {
        const key = `${workspace}:${script}`;
        if (!helps.has(key)) {
          const args = ["run", "-s", script, ...(workspace ? ["-w", workspace] : []), "--", "--help"];
          helps.set(key, execFileSync("npm", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
        }
        return helps.get(key)!;
      },
      tarball: (() => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "packages/secure-fargate-task/package.json"), "utf8")) as {
          name: string;
          version: string;
        };
        return `${pkg.name}-${pkg.version}.tgz`;
      })(),
    };

    it("catches an unmarked pulumi command, a missing script, a flag the script does not take and a stale tarball name", () => {
      const bad = blocksOf(
        "x.md",
        "```sh\npulumi up\nnpm run no-such-script\nnpm run local -w service -- --no-such-flag\nnpm install /tmp/secure-fargate-task-0.0.1.tgz\n```",
      )[0];
      const problems = checkShell(bad, context).join("\n");
      expect(problems)
        .to.match(/needs pulumi/)
        .and.match(/no-such-script: no such script/)
        .and.match(/--no-such-flag is not in its --help/)
        .and.match(/npm pack names the tarball/);
    });

    for (const block of of(SHELL)) {
      it(`${where(block)}${block.marker ? ` (${block.marker})` : ""}`, () => {
        expect(checkShell(block, context)).to.deep.equal([]);
      });
    }
  });
});
