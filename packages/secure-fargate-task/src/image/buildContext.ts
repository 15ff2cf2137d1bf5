import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * A content tag for an image: a hash of everything that can change the image the build makes. Every file of the build
 * context that the ignore file lets through, with its permission bits (a `chmod +x` changes the image), every symlink
 * as the path it points to (Docker sends links, not their targets), the ignore file in effect, the Dockerfile, the
 * platform and the build arguments. The same source gives the same tag; any change that can change the image gives a
 * new one, so a tag never names two different images.
 */
export function contentTag(context: string, dockerfile: string, platform: string, buildArgs: Record<string, string>): string {
  const hash = createHash("sha256");
  const ignoreFile = dockerignorePath(context, dockerfile);
  const ignore = ignoreFile === undefined ? [] : parseDockerignore(fs.readFileSync(ignoreFile, "utf8"));
  hash.update(`ignore\0${ignoreFile === undefined ? "" : fs.readFileSync(ignoreFile, "utf8")}\0`);
  for (const entry of listEntries(context, ignore)) {
    hash.update(`${entry.kind}\0${entry.path}\0${entry.mode.toString(8)}\0`);
    hash.update(entry.kind === "link" ? fs.readlinkSync(path.join(context, entry.path)) : fs.readFileSync(path.join(context, entry.path)));
  }
  hash.update(`dockerfile\0`).update(fs.readFileSync(dockerfile));
  hash.update(`platform\0${platform}\0`);
  for (const key of Object.keys(buildArgs).sort()) hash.update(`arg\0${key}\0${buildArgs[key]}\0`);
  return hash.digest("hex").slice(0, 24);
}

/**
 * The ignore file a build of `dockerfile` uses: `<Dockerfile>.dockerignore` beside the Dockerfile when it exists (BuildKit
 * prefers it to the context's), else `<context>/.dockerignore`, else none.
 * https://docs.docker.com/build/concepts/context/#filename-and-location
 */
export function dockerignorePath(context: string, dockerfile: string): string | undefined {
  const candidates = [
    `${dockerfile}.dockerignore`,
    path.join(context, `${path.basename(dockerfile)}.dockerignore`),
    path.join(context, ".dockerignore"),
  ];
  return candidates.find((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false);
}

/** One `.dockerignore` rule, compiled. */
interface IgnoreRule {
  pattern: RegExp;
  exclude: boolean;
}

/** The rules of `<context>/.dockerignore`, none when it is absent. */
export function readDockerignore(context: string): IgnoreRule[] {
  const file = path.join(context, ".dockerignore");
  return fs.existsSync(file) ? parseDockerignore(fs.readFileSync(file, "utf8")) : [];
}

/** The rules of an ignore file's text. */
function parseDockerignore(text: string): IgnoreRule[] {
  return text
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
    const c = glob[i];
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

/** One entry of a build context: a regular file or a symlink, with its permission bits. */
export interface ContextEntry {
  path: string;
  kind: "file" | "link";
  mode: number;
}

/** Files and symlinks of the context that the rules let through, sorted by their posix path relative to the context. */
export function listEntries(context: string, rules: IgnoreRule[]): ContextEntry[] {
  const entries: ContextEntry[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(context, dir), { withFileTypes: true })) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(isIgnored(relative, rules) && rules.every((r) => r.exclude))) walk(relative);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !isIgnored(relative, rules)) {
        const mode = fs.lstatSync(path.join(context, relative)).mode & 0o7777;
        entries.push({ path: relative, kind: entry.isFile() ? "file" : "link", mode });
      }
    }
  };
  walk("");
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
