import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..", "..");

/**
 * A copy of the stack program and of the service it builds, in a temporary folder, so that a lifecycle sequence can
 * change the service's sources as a developer would without touching the repository. `node_modules` is the
 * repository's (a link), so the program loads the same `@pulumi/pulumi` as the test and the built component.
 */
export function copyStackTree(): { root: string; entry: string; service: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stack-lifecycle-"));
  const skip = new Set(["node_modules", "test", "dist"]);
  const copy = (from: string, to: string): void => fs.cpSync(from, to, { recursive: true, filter: (src) => !skip.has(path.basename(src)) });
  copy(path.join(REPO, "infra"), path.join(root, "infra"));
  copy(path.join(REPO, "service"), path.join(root, "service"));
  fs.copyFileSync(path.join(REPO, "tsconfig.base.json"), path.join(root, "tsconfig.base.json"));
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"));
  return { root, entry: path.join(root, "infra", "index.ts"), service: path.join(root, "service") };
}

/**
 * Runs the stack program afresh each time, as `pulumi up` does: `setMocks` resets Pulumi's runtime, and every module of
 * the copied tree is loaded again (a step may have edited one).
 */
export function stackProgram(entry: string): () => void {
  const load = createRequire(__filename);
  const root = path.dirname(path.dirname(entry));
  return () => {
    for (const file of Object.keys(load.cache)) if (file.startsWith(root + path.sep)) delete load.cache[file];
    load(entry);
  };
}

/** The `config:` block of Pulumi.dev.yaml (flat `key: value` lines), as `pulumi up` hands it to the program. */
export function devStackConfig(): Record<string, string> {
  const text = fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8");
  const config: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^ {2}([\w-]+:[\w-]+): (.+)$/.exec(line);
    if (match) config[match[1]] = match[2];
  }
  return config;
}
