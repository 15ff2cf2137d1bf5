/**
 * The package as `npm pack` makes it, installed by name in a fresh project outside the workspace: packed once per test
 * run (pack.test.ts and the doc-block check share it), in a temporary folder.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const PACKAGE = path.join(__dirname, "..", "..");
const WORKSPACE_MODULES = path.join(PACKAGE, "..", "..", "node_modules");

export interface Packed {
  /** The tarball's file name, as `npm pack` named it (`secure-fargate-task-<version>.tgz`). */
  filename: string;
  /** The paths inside the tarball, relative to the package root. */
  files: string[];
  /** A project with the tarball unpacked in node_modules/secure-fargate-task and the workspace's @pulumi peers. */
  consumer: string;
  /** Where the package is installed in `consumer`. */
  installed: string;
}

let packed: Packed | undefined;

/** Packs the package (its `prepack` builds dist/ with noEmitOnError) and installs it in a fresh consumer project. */
export function packedPackage(): Packed {
  if (packed) return packed;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "sft-pack-"));
  const [result] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: PACKAGE, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const consumer = path.join(out, "consumer");
  const installed = path.join(consumer, "node_modules", "secure-fargate-task");
  fs.mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["xzf", path.join(out, result.filename), "-C", installed, "--strip-components=1"]);
  // The peers, as the consumer's own install would provide them.
  for (const scope of ["@pulumi", "@pulumiverse"]) fs.symlinkSync(path.join(WORKSPACE_MODULES, scope), path.join(consumer, "node_modules", scope));
  fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, main: "index.ts" }));
  fs.writeFileSync(path.join(consumer, "Pulumi.yaml"), "name: consumer\nruntime: nodejs\n");
  packed = { filename: result.filename, files: result.files.map((f) => f.path), consumer, installed };
  return packed;
}
