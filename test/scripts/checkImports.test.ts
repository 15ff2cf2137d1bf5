/**
 * scripts/check-imports.cjs (`npm run lint`'s import check) on small repositories written to a temporary folder: it
 * finds a circle through any kind of import (type-only, re-export, require), prints it as a closed path, finds a test
 * folder imported from outside one, honours and polices its allow-list, and passes a repository with neither.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createRequire } from "node:module";

const load = createRequire(__filename);
const checker = load(path.join(__dirname, "..", "..", "scripts", "check-imports.cjs")) as typeof import("../../scripts/check-imports.cjs");

/** A repository with a tsconfig.json (CommonJS, node resolution, like the root one) and `files`. */
function repository(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "check-imports-"));
  const all = { "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs", moduleResolution: "node", allowJs: true } }), ...files };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe("check-imports", () => {
  const roots: string[] = [];
  const make = (files: Record<string, string>) => {
    const root = repository(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it("finds a circle closed by a type-only import, and prints it as a path from and back to one file", () => {
    const root = make({
      "pkg/src/a.ts": `import { b } from "./b";\nexport const a = b;\n`,
      "pkg/src/b.ts": `export { c as b } from "./nested/c";\n`,
      "pkg/src/nested/c.ts": `import type { A } from "../types";\nexport const c: A = 1;\n`,
      "pkg/src/types.ts": `import { a } from "./a";\nexport type A = typeof a;\n`,
      "pkg/src/outside.ts": `import { a } from "./a";\nexport const o = a;\n`,
    });
    const result = checker.check(root, ["pkg"], []);
    expect(result.files).to.equal(5);
    expect(result.circles).to.deep.equal([["pkg/src/a.ts", "pkg/src/b.ts", "pkg/src/nested/c.ts", "pkg/src/types.ts", "pkg/src/a.ts"]]);
  });

  it("finds a circle through require() in JavaScript and reports two separate circles apart", () => {
    const root = make({
      "lib/x.cjs": `const y = require("./y.cjs");\nmodule.exports = { y };\n`,
      "lib/y.cjs": `module.exports = () => require("./x.cjs");\n`,
      "lib/p.ts": `import { q } from "./q";\nexport const p = () => q;\n`,
      "lib/q.ts": `import { p } from "./p";\nexport const q = () => p;\n`,
    });
    const circles = checker.check(root, ["lib"], []).circles;
    expect(circles).to.deep.equal([
      ["lib/p.ts", "lib/q.ts", "lib/p.ts"],
      ["lib/x.cjs", "lib/y.cjs", "lib/x.cjs"],
    ]);
  });

  it("finds a test folder imported from outside one, not a test importing a test or production code", () => {
    const root = make({
      "pkg/src/tool.ts": `import { fake } from "../test/fakes";\nexport const tool = fake;\n`,
      "pkg/test/fakes.ts": `import { real } from "../src/real";\nexport const fake = real;\n`,
      "pkg/test/a.test.ts": `import { fake } from "./fakes";\nexport const t = fake;\n`,
      "pkg/src/real.ts": `export const real = 1;\n`,
    });
    const result = checker.check(root, ["pkg"], []);
    expect(result.circles).to.deep.equal([]);
    expect(result.testImports).to.deep.equal(["pkg/src/tool.ts -> pkg/test/fakes.ts"]);
  });

  it("lets an allowed test import pass, and reports an allowance that no longer occurs", () => {
    const root = make({
      "pkg/src/tool.ts": `import { fake } from "../test/fakes";\nexport const tool = fake;\n`,
      "pkg/test/fakes.ts": `export const fake = 1;\n`,
    });
    const gone = "pkg/src/old.ts -> pkg/test/fakes.ts";
    const result = checker.check(root, ["pkg"], ["pkg/src/tool.ts -> pkg/test/fakes.ts", gone]);
    expect(result.testImports).to.deep.equal([]);
    expect(result.allowedTestImports).to.deep.equal(["pkg/src/tool.ts -> pkg/test/fakes.ts"]);
    expect(result.staleAllowances).to.deep.equal([gone]);
  });

  it("reads only the roots it is given, and skips node_modules and dist", () => {
    const root = make({
      "pkg/src/a.ts": `import { b } from "./b";\nexport const a = b;\n`,
      "pkg/src/b.ts": `export const b = 1;\n`,
      "pkg/dist/a.js": `require("./b.js");\n`,
      "pkg/node_modules/dep/index.ts": `export const d = 1;\n`,
      "other/c.ts": `export const c = 1;\n`,
    });
    const graph = checker.importGraph(root, ["pkg/src/a.ts", "pkg/src/b.ts"], { moduleResolution: 2 });
    expect([...graph]).to.deep.equal([
      ["pkg/src/a.ts", ["pkg/src/b.ts"]],
      ["pkg/src/b.ts", []],
    ]);
    expect(checker.check(root, ["pkg"], []).files).to.equal(2);
  });

  it("reads every workspace of the root package.json: a workspace outside its roots would go unchecked", () => {
    const repo = path.join(__dirname, "..", "..");
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { workspaces: string[] };
    const read = checker.ROOTS.flatMap((root) => checker.listFiles(repo, path.join(repo, root)));
    const unread = pkg.workspaces.filter((w) => !read.some((file) => file.startsWith(`${w}/`)));
    expect(unread, "ROOTS in scripts/check-imports.cjs leaves them out").to.deep.equal([]);
  });
});
