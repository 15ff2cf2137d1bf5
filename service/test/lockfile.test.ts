import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The image is built from service/ alone, so service/package-lock.json pins its dependencies; the root lock pins what
 * the tests run. They must agree, or the image would run other versions than the ones tested.
 */
describe("service/package-lock.json", () => {
  it("pins every package at the version the root lock installs for the tests", () => {
    type Lock = { packages: Record<string, { version?: string }> };
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", file), "utf8")) as Lock;
    const root = read("package-lock.json").packages;
    const service = read("service/package-lock.json").packages;
    const drift = Object.entries(service)
      .filter(([key]) => key !== "")
      .map(([key, { version }]) => ({ key, version, root: (root[`service/${key}`] ?? root[key])?.version }))
      .filter((p) => p.version !== p.root);
    expect(Object.keys(service).length).to.be.greaterThan(10);
    expect(drift, "regenerate: copy service/package.json and this lock to an empty folder, run npm install --package-lock-only there, copy the lock back").to.deep.equal([]);
  });
});
