import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { SOURCES } from "../src/secrets/sources";

const ROOT = path.join(__dirname, "..");

/** The README's "Where to change what" section. */
function section(): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("\n## Where to change what\n");
  expect(start, "README has no 'Where to change what' section").to.be.greaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** Every `*.ts` file under a directory of the package, relative to the package. */
function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
}

describe("the README's 'Where to change what' is true", () => {
  it("names only files and folders that exist", () => {
    const named = [...section().matchAll(/`((?:src|init|test)\/[^`]+|schema\.json)`/g)].map((m) => m[1]);
    expect(named).to.include("src/secrets/sources/index.ts");
    for (const file of named) expect(fs.existsSync(path.join(ROOT, file)), `${file} is named in the README`).to.equal(true);
  });

  it("adding a secret source: its module is the only file of src/ or init/ that names its kind", () => {
    const files = [...sources("src"), ...sources("init/src")];
    for (const source of SOURCES) {
      const own = path.join("src", "secrets", "sources", `${source.kind}.ts`);
      expect(files, `the module of ${source.kind}`).to.include(own);
      const naming = files.filter((f) => new RegExp(`["']${source.kind}["']`).test(fs.readFileSync(path.join(ROOT, f), "utf8")));
      expect(naming, `files naming "${source.kind}" as a string`).to.deep.equal([own]);
    }
  });
});
