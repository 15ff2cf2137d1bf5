/**
 * The documented default of every property of the component's argument types, read from the `@default` TSDoc tag
 * of its source (the schema's descriptions leave the tag out), by the TypeScript compiler's own parser.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** Interface name -> property name -> the `@default` tag's text (`- none`, `"service"`, `30`...). */
export type Defaults = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Every `.ts` file under a folder (no declaration files), sorted. */
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [path.join(dir, e.name)] : [],
    )
    .sort();
}

/** The `@default` tags of one source text's interfaces. */
export function defaultsOf(fileName: string, text: string): Map<string, Map<string, string>> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = new Map<string, Map<string, string>>();
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node)) {
      const members = new Map<string, string>();
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name)) continue;
        const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
        if (tag) members.set(member.name.text, (ts.getTextOfJSDocComment(tag.comment) ?? "").replace(/\s+/g, " ").trim());
      }
      found.set(node.name.text, members);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The defaults of every interface under the component's `src/`. */
export function componentDefaults(srcDir: string): Defaults {
  const all = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(srcDir)) {
    for (const [name, members] of defaultsOf(file, fs.readFileSync(file, "utf8"))) all.set(name, new Map([...(all.get(name) ?? []), ...members]));
  }
  return all;
}
