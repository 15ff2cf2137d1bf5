import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The image is built from service/ alone, so service/package-lock.json pins its dependencies; the root lock pins what
 * the tests run. They must agree, or the image would run other versions than the ones tested.
 */
describe("service/package-lock.json", () => {
  type Manifest = { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  type Lock = { packages: Record<string, Manifest> };
  const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", file), "utf8")) as T;

  it("is in step with service/package.json, as the image's npm ci requires", () => {
    const manifest = read<Manifest>("service/package.json");
    const locked = read<Lock>("service/package-lock.json").packages[""];
    expect(locked.dependencies).to.deep.equal(manifest.dependencies);
    expect(locked.devDependencies).to.deep.equal(manifest.devDependencies);
  });

  it("pins every package at the version the root lock installs for the tests", () => {
    const root = read<Lock>("package-lock.json").packages;
    const service = read<Lock>("service/package-lock.json").packages;
    const drift = Object.entries(service)
      .filter(([key]) => key !== "")
      .map(([key, { version }]) => ({ key, version, root: (root[`service/${key}`] ?? root[key])?.version }))
      .filter((p) => p.version !== p.root);
    expect(Object.keys(service).length).to.be.greaterThan(10);
    expect(
      drift,
      "regenerate: copy service/package.json and this lock to an empty folder, run npm install --package-lock-only there, copy the lock back",
    ).to.deep.equal([]);
  });
});
