/**
 * The fenced code blocks of the repository's Markdown, each with the `<!-- doc-check: ... -->` marker on the line
 * just before its opening fence, if any (the conventions are in test/docs/README.md).
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");

export interface Block {
  /** The Markdown file, relative to the repository root. */
  file: string;
  /** The 1-based line of the first line of the block's content. */
  line: number;
  /** The fence's info string, lower-cased: `ts`, `python`, `sh`... */
  lang: string;
  /** What follows `doc-check:` in the marker, trimmed; "" without one. */
  marker: string;
  code: string;
}

const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".git", ".pulumi"]);

/** Every Markdown file of the repository, relative to its root, sorted. */
export function markdownFiles(dir = ROOT): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...markdownFiles(path.join(dir, entry.name)));
    else if (entry.isFile() && entry.name.endsWith(".md")) found.push(path.relative(ROOT, path.join(dir, entry.name)));
  }
  return found.sort();
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
const MARKER = /^\s*<!--\s*doc-check:(.*?)-->\s*$/;

/** The fenced blocks of one Markdown text (CommonMark fences: a closing fence at least as long, of the same character). */
export function blocksOf(file: string, text: string): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence] = open;
    const close = new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    const marker = i > 0 ? MARKER.exec(lines[i - 1]) : null;
    blocks.push({
      file,
      line: i + 2,
      lang: open[3].toLowerCase(),
      marker: marker ? marker[1].trim() : "",
      code: lines
        .slice(i + 1, end)
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
        .join("\n"),
    });
    i = end;
  }
  return blocks;
}

/** Every fenced block of every Markdown file of the repository. */
export function repositoryBlocks(): Block[] {
  return markdownFiles().flatMap((file) => blocksOf(file, fs.readFileSync(path.join(ROOT, file), "utf8")));
}

/** Where a block starts, for messages: `path/README.md:12`. */
export function where(block: Block, offset = 0): string {
  return `${block.file}:${block.line + offset}`;
}
