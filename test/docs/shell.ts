/**
 * Shell blocks: every command either is one this checker can hold to the repository (an npm script that exists, with
 * flags its `--help` lists; a tarball named as `npm pack` names it), or needs a tool the test cannot run here, which the
 * block's marker must say: `<!-- doc-check: needs pulumi -->`, `needs aws`, or `needs pulumi, aws`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Block } from "./markdown";
import { ROOT } from "./markdown";

/** The tools a marker may name, each a command the test has no account or CLI for. */
export const NEEDS = ["pulumi", "aws"] as const;

/** One command of a block: its words (quotes removed) and the block line it starts on. */
export interface Command {
  words: string[];
  line: number;
}

/** The commands of a shell block: `\` continuations joined, comments dropped, split on `&&`, `||`, `|`, `;`, `(`, `)`. */
export function commandsOf(code: string): Command[] {
  const commands: Command[] = [];
  const lines = code.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i];
    while (text.endsWith("\\") && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]}`;
    for (const part of splitOutsideQuotes(stripComment(text))) {
      const words = wordsOf(part);
      if (words.length > 0) commands.push({ words, line: start });
    }
  }
  return commands;
}

function stripComment(line: string): string {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) quote = c === quote ? "" : quote;
    else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

/** Splits on the shell's list and pipe operators and on subshell parentheses, not inside quotes or `$(...)`. */
function splitOutsideQuotes(line: string): string[] {
  const parts: string[] = [];
  let quote = "";
  let depth = 0;
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      quote = c === quote ? "" : quote;
      current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      current += c;
    } else if (line.startsWith("$(", i)) {
      depth++;
      current += "$(";
      i++;
    } else if (c === ")" && depth > 0) {
      depth--;
      current += c;
    } else if (depth === 0 && (c === "&" || c === "|" || c === ";" || c === "(" || c === ")")) {
      parts.push(current);
      current = "";
      if ((c === "&" || c === "|") && line[i + 1] === c) i++;
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function wordsOf(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** What the checker needs from the repository: package.json scripts by workspace, `--help` output by script. */
export interface ShellContext {
  /** The scripts of the root package.json ("") and of each workspace, by workspace folder. */
  scripts: Record<string, Record<string, string>>;
  /** The usage an npm script prints for `--help` (run by the caller, once per script). */
  help(workspace: string, script: string): string;
  /** The name `npm pack` gives the component's tarball. */
  tarball: string;
}

/** The tools a command needs that the test cannot provide, or a problem with it. */
function checkCommand(command: Command, context: ShellContext): { needs: string[]; problems: string[] } {
  const needs: string[] = [];
  const problems: string[] = [];
  const words = [...command.words];
  for (const w of words) for (const m of w.matchAll(/\$\((\w+)/g)) if ((NEEDS as readonly string[]).includes(m[1])) needs.push(m[1]);
  // An assignment (TASK=$(aws ...)): what runs is the substitution, whose tool was noted above.
  if (words.length > 0 && /^[A-Z_]+=/.test(words[0])) return { needs, problems };
  if (words[0] === "scripts/with-node22.sh") {
    if (!fs.existsSync(path.join(ROOT, words[0]))) problems.push(`${words[0]} does not exist`);
    words.shift();
  }
  const [tool, sub, ...rest] = words;
  if (tool === undefined || tool.startsWith("$(")) return { needs, problems };
  if ((NEEDS as readonly string[]).includes(tool)) return { needs: [...needs, tool], problems };
  if (tool === "cd" || tool === "echo") return { needs, problems };
  if (tool !== "npm") return { needs, problems: [`unknown command "${tool}": teach test/docs/shell.ts, or mark the block with what it needs`] };
  if (sub === "ci" || sub === "test" || sub === "pack") return { needs, problems };
  if (sub === "install") {
    for (const t of rest.filter((w) => w.endsWith(".tgz"))) {
      if (path.basename(t) !== context.tarball) problems.push(`${t}: npm pack names the tarball ${context.tarball}`);
    }
    return { needs, problems };
  }
  if (sub !== "run") return { needs, problems: [`npm ${sub}: teach test/docs/shell.ts`] };
  const dashes = rest.indexOf("--");
  const own = dashes === -1 ? rest : rest.slice(0, dashes);
  const passed = dashes === -1 ? [] : rest.slice(dashes + 1);
  const w = own.indexOf("-w");
  const workspace = w === -1 ? "" : own[w + 1];
  const script = own.find((o, i) => !o.startsWith("-") && (w === -1 || i !== w + 1));
  const scripts = context.scripts[workspace];
  if (!scripts) return { needs, problems: [`npm run -w ${workspace}: no such workspace`] };
  if (!script || !(script in scripts)) return { needs, problems: [`npm run ${script}: no such script in ${workspace || "the root"} package.json`] };
  const flags = passed.filter((p) => p.startsWith("--")).map((p) => p.replace(/^\[/, "").split("=")[0]);
  if (flags.length > 0) {
    const usage = context.help(workspace, script);
    for (const f of flags) if (!new RegExp(`${f}\\b`).test(usage)) problems.push(`npm run ${script}: ${f} is not in its --help`);
  }
  return { needs, problems };
}

/** What is wrong in a shell block, as `file.md:line: ...` lines. */
export function checkShell(block: Block, context: ShellContext): string[] {
  const marked = /^needs\s+(.*)$/.exec(block.marker);
  const declared = marked ? marked[1].split(/[\s,]+/).filter(Boolean) : [];
  const problems: string[] = [];
  if (block.marker && !marked) problems.push(`${block.file}:${block.line}: unknown shell doc-check marker "${block.marker}"`);
  for (const d of declared) {
    if (!(NEEDS as readonly string[]).includes(d)) problems.push(`${block.file}:${block.line}: "needs ${d}": only ${NEEDS.join(", ")}`);
  }
  for (const command of commandsOf(block.code)) {
    const { needs, problems: own } = checkCommand(command, context);
    for (const p of own) problems.push(`${block.file}:${block.line + command.line}: ${p}`);
    for (const n of needs) {
      if (!declared.includes(n))
        problems.push(`${block.file}:${block.line + command.line}: needs ${n}: mark the block <!-- doc-check: needs ${n} -->`);
    }
  }
  return problems;
}
