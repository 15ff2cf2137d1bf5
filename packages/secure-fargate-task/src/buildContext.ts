import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * A content tag for an image: a hash of every file of the build context that `.dockerignore` lets through, the
 * Dockerfile, the platform and the build arguments. The same source gives the same tag (no push, no diff: the
 * repository's tags are immutable); any change gives a new one.
 */
export function contentTag(context: string, dockerfile: string, platform: string, buildArgs: Record<string, string>): string {
  const hash = createHash("sha256");
  const ignore = readDockerignore(context);
  for (const file of listFiles(context, ignore)) {
    hash.update(`file\0${file}\0`);
    hash.update(fs.readFileSync(path.join(context, file)));
  }
  hash.update(`dockerfile\0`).update(fs.readFileSync(dockerfile));
  hash.update(`platform\0${platform}\0`);
  for (const key of Object.keys(buildArgs).sort()) hash.update(`arg\0${key}\0${buildArgs[key]}\0`);
  return hash.digest("hex").slice(0, 24);
}

/** One `.dockerignore` rule, compiled. */
interface IgnoreRule {
  pattern: RegExp;
  exclude: boolean;
}

/** The rules of `<context>/.dockerignore`, none when it is absent. */
export function readDockerignore(context: string): IgnoreRule[] {
  const file = path.join(context, ".dockerignore");
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const exclude = !line.startsWith("!");
      const glob = path.posix.normalize((exclude ? line : line.slice(1)).trim()).replace(/^\/+|\/+$/g, "");
      return { pattern: globToRegExp(glob), exclude };
    });
}

/**
 * Docker's matching: Go `filepath.Match` per path segment plus `**` for any number of segments; a pattern that
 * matches a directory matches everything below it; the last matching rule wins.
 */
function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}(/.*)?$`);
}

/** Whether the rules leave `relative` (a posix path inside the context) out of the build context. */
export function isIgnored(relative: string, rules: IgnoreRule[]): boolean {
  let ignored = false;
  for (const rule of rules) if (rule.pattern.test(relative)) ignored = rule.exclude;
  return ignored;
}

/** Files of the context that the rules let through, as sorted posix paths relative to the context. */
export function listFiles(context: string, rules: IgnoreRule[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(context, dir), { withFileTypes: true })) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(isIgnored(relative, rules) && rules.every((r) => r.exclude))) walk(relative);
      }
      else if (entry.isFile() && !isIgnored(relative, rules)) files.push(relative);
    }
  };
  walk("");
  return files.sort();
}
