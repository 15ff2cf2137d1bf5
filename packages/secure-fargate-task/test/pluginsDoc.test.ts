/**
 * The package README's "Provider plugins" table against package.json: one row per provider package among the peer
 * dependencies, named as the package declares its plugin (`pulumi.name`), with the peer range, and an install command
 * for the range's lowest version from the package's own download server (`pulumi.server`) when it has one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";

const ROOT = path.join(__dirname, "..");
const REPO = path.join(ROOT, "..", "..");

interface PluginManifest {
  pulumi?: { resource?: boolean; name?: string; server?: string };
}

/** The table's rows: plugin, version range, npm package, install command. */
function tableRows(): Array<{ plugin: string; range: string; pkg: string; install: string }> {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.split("## Provider plugins")[1].split("\n## ")[0];
  return section
    .split("\n")
    .filter((line) => /^\| `[a-z-]+` \|/.test(line))
    .map((line) => {
      const cells = line.split(" | ");
      const [, plugin] = /`([^`]+)`/.exec(cells[0])!;
      const [, range, pkg] = /`([^`]+)` \(`([^`]+)`\)/.exec(cells[1])!;
      const [, install] = /`([^`]+)` \|$/.exec(line)!;
      return { plugin, range, pkg, install };
    });
}

describe("the package README lists every provider plugin a program needs", () => {
  it("one row per provider package among the peer dependencies, with its plugin name, range and install command", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { peerDependencies: Record<string, string> };
    const expected = Object.entries(manifest.peerDependencies)
      .map(([pkg, range]) => {
        const plugin = (JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", pkg, "package.json"), "utf8")) as PluginManifest).pulumi;
        if (!plugin?.resource || !plugin.name) return undefined;
        const server = plugin.server ? ` --server ${plugin.server}` : "";
        return { plugin: plugin.name, range, pkg, install: `pulumi plugin install resource ${plugin.name} ${range.replace(/^\^/, "")}${server}` };
      })
      .filter((row) => row !== undefined);
    expect(expected.map((row) => row.plugin)).to.include.members(["aws", "docker", "time"]);
    expect(tableRows()).to.deep.equal(expected);
  });
});
